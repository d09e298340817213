package io.tradingcore.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Content-derived ids: the same parts always give the same id, so a replayed or resumed cycle writes
 * the same keys (and an idempotent repository recognises them). SHA-256 over the parts joined by a
 * unit separator, first 16 bytes, RFC 4122 version and variant bits set (name-based, version 5 layout).
 */
public final class DeterministicIds {
    private static final char SEPARATOR = '\u001f';

    private DeterministicIds() {
    }

    /** A name-based UUID from the given parts (order matters). */
    public static UUID uuid(String... parts) {
        byte[] hash = sha256(join(parts));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /** Lower-case hex SHA-256 of the given parts. */
    public static String sha256Hex(String... parts) {
        return HexFormat.of().formatHex(sha256(join(parts)));
    }

    /** Lower-case hex SHA-256 of raw bytes. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** The run of (account, mode, hour): stable, so a second start of the same hour finds the same run. */
    public static RunId runId(AccountId account, RunMode mode, HourTs hour) {
        return new RunId(uuid("run", account.toString(), mode.name(), hour.toString()));
    }

    /** The signal for one asset in one run. */
    public static SignalId signalId(RunId run, AssetId asset) {
        return new SignalId(uuid("signal", run.toString(), asset.toString()));
    }

    /** The order placed for a signal (one order per signal). */
    public static OrderId orderId(RunId run, SignalId signal) {
        return new OrderId(uuid("order", run.toString(), signal.toString()));
    }

    /** order_fill.fill_id of the venue trade {@code trade} of {@code order}. */
    public static UUID fillId(OrderId order, ExchangeTradeId trade) {
        return uuid("fill", order.toString(), trade.value());
    }

    /** executed_trade.trade_id (and cash_ledger.trade_id) of the venue trade {@code trade} of {@code order}. */
    public static UUID executedTradeId(OrderId order, ExchangeTradeId trade) {
        return uuid("executed-trade", order.toString(), trade.value());
    }

    private static byte[] join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(parts[i]);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A fresh SHA-256 digest is cloned from this one (never used itself) instead of looked up by name: the provider
     * lookup and reflective instantiation of {@code getInstance} cost more than hashing an id's few bytes.
     */
    private static final MessageDigest PROTOTYPE = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        MessageDigest md;
        try {
            md = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            md = newSha256();
        }
        return md.digest(bytes);
    }
}
