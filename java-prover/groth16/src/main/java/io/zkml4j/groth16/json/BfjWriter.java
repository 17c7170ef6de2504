package io.zkml4j.groth16.json;

import java.util.List;
import java.util.Map;

/**
 * Serializes a tree of {@link Map} (insertion order), {@link List}, {@link String} and {@link Number} in
 * exactly the layout of the {@code bfj} library with {@code space: 1}, which snarkjs uses for its JSON
 * files: every array element and object member on its own line, indented one space per level,
 * {@code "key": value}, an empty container as the opening bracket, a newline, the parent's indentation
 * and the closing bracket, and no newline at the end.
 */
final class BfjWriter {

    private BfjWriter() {
    }

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int level) {
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, level + 1);
                string(sb, (String) e.getKey());
                sb.append(": ");
                write(sb, e.getValue(), level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            boolean first = true;
            for (Object o : l) {
                sb.append(first ? "\n" : ",\n");
                first = false;
                indent(sb, level + 1);
                write(sb, o, level + 1);
            }
            sb.append('\n');
            indent(sb, level);
            sb.append(']');
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else {
            throw new IllegalArgumentException("Unsupported JSON value " + v);
        }
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append(" ".repeat(level));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
