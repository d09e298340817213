package io.tradingcore.application.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingcore.ports.out.BacktestQueryRepository.Column;
import io.tradingcore.ports.out.BacktestQueryRepository.Table;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes an export table as CSV (RFC 4180, header row, empty cell for null) or JSON (an array of objects). */
public final class ExportFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ExportFiles() {
    }

    public static void csv(Table t, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(line(t.columns().stream().map(Column::name).toList()));
            for (List<String> row : t.rows()) {
                w.write(line(row));
            }
        }
    }

    public static void json(Table t, Path file) throws IOException {
        ArrayNode array = JSON.createArrayNode();
        for (List<String> row : t.rows()) {
            ObjectNode o = array.addObject();
            for (int i = 0; i < t.columns().size(); i++) {
                Column c = t.columns().get(i);
                String v = row.get(i);
                if (v == null) {
                    o.putNull(c.name());
                } else if (c.numeric()) {
                    o.put(c.name(), new BigDecimal(v));
                } else {
                    o.put(c.name(), v);
                }
            }
        }
        JSON.writeValue(file.toFile(), array);
    }

    /** One RFC 4180 line (CRLF); null is an empty cell. */
    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i) == null ? "" : cells.get(i);
            b.append(i == 0 ? "" : ",");
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.append("\r\n").toString();
    }
}
