package io.tradingcore.application.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of a refused configuration ({@link ConfigLoader}), in the configuration's own terms: YAML keys rather
 * than the domain records' names, the line, column and key of a syntax error, what kind of value a key wants and what
 * it was given (abbreviated).
 */
final class ConfigMessages {

    private ConfigMessages() {
    }

    /**
     * The records under {@code trading} name their keys as the domain does ({@code risk.dd10...}, {@code signal.minEdge},
     * {@code venue}); a user reads and writes the YAML keys ({@code trading.drawdown.dd10...}, {@code trading.signal.minEdge},
     * {@code trading.venue}), so messages use those.
     */
    static String yamlKeys(String message) {
        return message.replaceAll("(?<![\\w.])risk\\.", "trading.drawdown.")
                .replaceAll("(?<![\\w.])signal\\.", "trading.signal.")
                .replaceAll("^(venue|lookbackBars)\\b", "trading.$1");
    }

    static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            List<String> parts = new ArrayList<>();
            m.getPath().forEach(r -> parts.add(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]"));
            return "key '" + String.join(".", parts) + "': ";
        }
        return "";
    }

    static String shown(JsonNode v) {
        if (v.isTextual()) {
            boolean number = v.asText().strip().matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
            return "the text '" + abbreviated(v.asText()) + "'" + (number ? " (write a number without quotes)" : "");
        }
        if (v.isArray()) {
            return "a list";
        }
        return abbreviated(v.toString());
    }

    /**
     * What the binder refused, in the configuration's terms: {@code 'h4' is not one of H1, H4, H24} rather than
     * "Cannot deserialize value of type `io.tradingcore.domain.Horizon`"; other errors keep the binder's message.
     */
    static String bindError(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            Class<?> t = m.getTargetType();
            Object value = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null;
            String was = value == null ? "" : ", was '" + abbreviated(String.valueOf(value)) + "'";
            if (t.isEnum()) {
                List<String> names = new ArrayList<>();
                for (Object c : t.getEnumConstants()) {
                    names.add(((Enum<?>) c).name());
                }
                return "must be one of " + String.join(", ", names) + was;
            }
            if (t == boolean.class || t == Boolean.class) {
                return "must be true or false" + was;
            }
            if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
                return "must be a whole number" + was;
            }
            if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
                return "must be a number" + was;
            }
            if (java.util.Collection.class.isAssignableFrom(t)) {
                return "must be a list" + was;
            }
        }
        return e.getOriginalMessage();
    }

    /** Line, column and key of a YAML syntax error (e.g. {@code .nan}, which no exact decimal can hold). */
    static String where(JsonProcessingException e) {
        StringBuilder at = new StringBuilder();
        if (e.getLocation() != null) {
            at.append(" at line ").append(e.getLocation().getLineNr()).append(", column ").append(e.getLocation().getColumnNr());
        }
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p) {
            List<String> keys = new ArrayList<>();
            for (com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext(); c != null; c = c.getParent()) {
                if (c.getCurrentName() != null) {
                    keys.add(0, c.getCurrentName());
                }
            }
            if (!keys.isEmpty()) {
                at.append(" (key '").append(String.join(".", keys)).append("')");
            }
        }
        return at.toString();
    }

    static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
