package org.mlplatform.api.apikey;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The shape of an API key, as GitHub's tokens: {@code mlp_<key id>_<secret><checksum>}, all base62.
 * The key id (12 characters, 71 bits) finds the row, the secret (27 characters, 160 random bits)
 * proves possession, the checksum (6 characters, CRC32 of everything before it) rejects typos and
 * guessed keys without a database query.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "mlp_";
    static final int KEY_ID_LENGTH = 12;
    static final int SECRET_LENGTH = 27;
    static final int CHECKSUM_LENGTH = 6;
    static final int LENGTH = PREFIX.length() + KEY_ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH;

    private static final String ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {}

    /** A key presented by a caller, well-formed and with a correct checksum. */
    public record ParsedKey(String keyId, String whole) {}

    /** A new random key id. */
    public static String newKeyId() {
        return random(KEY_ID_LENGTH, 64);
    }

    /** A whole new key for the key id: prefix, id, fresh secret and checksum. */
    public static String newKey(String keyId) {
        String body = PREFIX + keyId + "_" + random(SECRET_LENGTH, 160);
        return body + checksum(body);
    }

    /** The visible start of a key, shown in lists. */
    public static String prefix(String keyId) {
        return PREFIX + keyId;
    }

    /** Parses a presented key; empty when malformed or its checksum is wrong. No I/O. */
    public static Optional<ParsedKey> parse(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int separator = PREFIX.length() + KEY_ID_LENGTH;
        if (key.charAt(separator) != '_') {
            return Optional.empty();
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (i != separator && ALPHABET.indexOf(key.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        String body = key.substring(0, LENGTH - CHECKSUM_LENGTH);
        if (!checksum(body).equals(key.substring(LENGTH - CHECKSUM_LENGTH))) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(key.substring(PREFIX.length(), separator), key));
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
    }

    private static String random(int length, int bits) {
        return base62(new BigInteger(bits, RANDOM), length);
    }

    /** Base62, left-padded with zeros to {@code length}. */
    static String base62(BigInteger value, int length) {
        StringBuilder out = new StringBuilder();
        BigInteger base = BigInteger.valueOf(ALPHABET.length());
        BigInteger rest = value;
        while (rest.signum() > 0) {
            BigInteger[] qr = rest.divideAndRemainder(base);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            rest = qr[0];
        }
        while (out.length() < length) {
            out.append('0');
        }
        if (out.length() > length) {
            throw new IllegalArgumentException("value too large for " + length + " characters");
        }
        return out.reverse().toString();
    }
}
