package dev.tern.posting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: stable, short ids and keys for things that have none of their own. */
public final class Hashes {

    private Hashes() {}

    /** The SHA-256 of {@code bytes}, 64 hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /** The first {@code hexDigits} hex digits of the SHA-256 of {@code text} (UTF-8). */
    public static String sha256(String text, int hexDigits) {
        return sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, hexDigits);
    }
}
