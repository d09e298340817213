package io.tradingcore.adapter.ml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic binary envelope of one trained model: a magic, the model kind and the kind's payload. The same
 * model always gives the same bytes, so its sha256 identifies it.
 */
final class Artifact {

    private static final int MAGIC = 0x54434D4C; // "TCML"
    private static final int FORMAT = 1;

    private Artifact() {
    }

    /** Thrown when artifact bytes do not match the recorded sha256 or are not an artifact of the expected kind. */
    static final class IntegrityException extends IllegalStateException {
        IntegrityException(String message) {
            super(message);
        }
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    static byte[] encode(String kind, Writer payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(kind);
            payload.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Verifies the hash first, then the envelope, then decodes the payload. */
    static <T> T decode(byte[] artifact, String expectedSha256, String expectedKind, Reader<T> payload) {
        String actual = sha256(artifact);
        if (!actual.equals(expectedSha256)) {
            throw new IntegrityException("refusing to load " + expectedKind + " artifact: sha256 is " + actual
                    + " but the registry recorded " + expectedSha256);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(artifact))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IntegrityException("not a trading-core model artifact (bad magic or format)");
            }
            String kind = in.readUTF();
            if (!kind.equals(expectedKind)) {
                throw new IntegrityException("expected a " + expectedKind + " artifact, found " + kind);
            }
            return payload.read(in);
        } catch (IOException e) {
            throw new IntegrityException("corrupt " + expectedKind + " artifact: " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    static void writeDoubles(DataOutputStream out, double[] v) throws IOException {
        out.writeInt(v.length);
        for (double d : v) {
            out.writeDouble(d);
        }
    }

    static double[] readDoubles(DataInputStream in) throws IOException {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    static void writeBytes(DataOutputStream out, byte[] v) throws IOException {
        out.writeInt(v.length);
        out.write(v);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] v = new byte[in.readInt()];
        in.readFully(v);
        return v;
    }
}
