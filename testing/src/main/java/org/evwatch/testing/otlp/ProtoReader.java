package org.evwatch.testing.otlp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads the protobuf wire format, field by field: just what decoding an OTLP trace export needs (varints, fixed
 * widths, length-delimited fields), so a test needs no generated classes.
 */
final class ProtoReader {

    private final byte[] data;
    private int at;
    private final int end;
    private int tag;

    ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtoReader(byte[] data, int from, int to) {
        this.data = data;
        this.at = from;
        this.end = to;
    }

    /** Moves to the next field; false at the end. */
    boolean next() {
        if (at >= end) {
            return false;
        }
        tag = (int) varint();
        return true;
    }

    int field() {
        return tag >>> 3;
    }

    /** The current field, length-delimited, as a reader of its own. */
    ProtoReader message() {
        int length = (int) varint();
        ProtoReader inner = new ProtoReader(data, at, at + length);
        at += length;
        return inner;
    }

    String string() {
        int length = (int) varint();
        String s = new String(data, at, length, StandardCharsets.UTF_8);
        at += length;
        return s;
    }

    /** The current field's bytes as lower-case hex (trace and span ids). */
    String hex() {
        int length = (int) varint();
        String s = HexFormat.of().formatHex(data, at, at + length);
        at += length;
        return s;
    }

    long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = data[at++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    /** Skips the current field, whatever its wire type. */
    void skip() {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> at += 8;
            case 2 -> {
                int length = (int) varint();
                at += length;
            }
            case 5 -> at += 4;
            default -> throw new IllegalArgumentException("unsupported wire type " + (tag & 7));
        }
    }
}
