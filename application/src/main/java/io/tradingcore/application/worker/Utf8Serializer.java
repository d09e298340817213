package io.tradingcore.application.worker;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/** Task data as UTF-8 text (our JSON payloads) instead of Java serialization: readable with psql, no class coupling. */
final class Utf8Serializer implements Serializer {

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof String s)) {
            throw new IllegalArgumentException("task data must be a String (JSON), got " + data.getClass().getName());
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (type != String.class && type != Void.class && type != Object.class) {
            throw new IllegalArgumentException("task data is stored as text, cannot read it as " + type.getName());
        }
        return type == Void.class ? null : type.cast(new String(bytes, StandardCharsets.UTF_8));
    }
}
