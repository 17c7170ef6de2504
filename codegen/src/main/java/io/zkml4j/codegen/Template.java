package io.zkml4j.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logic-less text template, a strict subset of Mustache:
 * <ul>
 *   <li>{@code {{NAME}}} inserts a string value, verbatim (no escaping: the output is Solidity);
 *   <li>{@code {{#NAME}}...{{/NAME}}} renders its body once per element of a list of maps (each
 *       element's names shadow the outer ones), once for {@code true}, never for {@code false} or
 *       an empty list;
 *   <li>{@code {{^NAME}}...{{/NAME}}} renders its body only for {@code false} or an empty list.
 * </ul>
 * A section tag alone on its line (apart from spaces) removes that whole line, as in Mustache,
 * so templates can be laid out like the code they produce. There are no expressions, helpers,
 * partials or escapes: every value is computed before rendering.
 *
 * <p>Strict: a name missing from the context, a value of the wrong kind, or an unbalanced tag is
 * a {@link CodegenException} naming the tag and its line, never silently empty output.
 * Immutable and thread-safe once parsed.
 */
final class Template {

    private static final Pattern TAG = Pattern.compile("\\{\\{([#^/]?)([A-Z][A-Z0-9_]*)}}");
    private static final Pattern STANDALONE =
            Pattern.compile("[ \\t]*\\{\\{[#^/][A-Z][A-Z0-9_]*}}[ \\t]*(\\r?\\n|$)");

    private sealed interface Node permits Text, Variable, Section {}

    private record Text(String text) implements Node {}

    private record Variable(String name, int line) implements Node {}

    private record Section(String name, boolean inverted, List<Node> body, int line) implements Node {}

    private final String name;
    private final List<Node> nodes;

    private Template(String name, List<Node> nodes) {
        this.name = name;
        this.nodes = nodes;
    }

    /**
     * Parses {@code source}; {@code name} appears in error messages.
     *
     * @throws CodegenException on an unbalanced or mismatched section tag, or a stray <code>{{</code>
     */
    static Template parse(String name, String source) {
        Matcher stray = Pattern.compile("\\{\\{").matcher(TAG.matcher(source).replaceAll(m -> "_".repeat(m.end() - m.start())));
        if (stray.find()) {
            throw new CodegenException(name + ":" + lineOf(source, stray.start())
                    + ": malformed tag (expected {{NAME}}, {{#NAME}}, {{^NAME}} or {{/NAME}} with NAME in"
                    + " A-Z, 0-9, _)");
        }
        Deque<Section> open = new ArrayDeque<>();
        Deque<List<Node>> bodies = new ArrayDeque<>();
        bodies.push(new ArrayList<>());
        Matcher m = TAG.matcher(source);
        int pos = 0;
        while (m.find(pos)) {
            int start = m.start();
            int end = m.end();
            String kind = m.group(1);
            if (!kind.isEmpty()) {
                // A standalone section tag swallows its indentation and its line break.
                int lineStart = source.lastIndexOf('\n', start - 1) + 1;
                Matcher s = STANDALONE.matcher(source).region(lineStart, source.length());
                if (s.lookingAt() && source.substring(lineStart, start).isBlank()) {
                    addText(bodies.peek(), source.substring(pos, lineStart));
                    start = lineStart;
                    end = s.end();
                } else {
                    addText(bodies.peek(), source.substring(pos, start));
                }
            } else {
                addText(bodies.peek(), source.substring(pos, start));
            }
            int line = lineOf(source, m.start());
            String tagName = m.group(2);
            switch (kind) {
                case "" -> bodies.peek().add(new Variable(tagName, line));
                case "#", "^" -> {
                    open.push(new Section(tagName, kind.equals("^"), List.of(), line));
                    bodies.push(new ArrayList<>());
                }
                default -> {
                    if (open.isEmpty() || !open.peek().name().equals(tagName)) {
                        throw new CodegenException(name + ":" + line + ": {{/" + tagName + "}} closes "
                                + (open.isEmpty() ? "no open section" : "{{#" + open.peek().name() + "}} from line "
                                        + open.peek().line()));
                    }
                    Section header = open.pop();
                    List<Node> body = List.copyOf(bodies.pop());
                    bodies.peek().add(new Section(header.name(), header.inverted(), body, header.line()));
                }
            }
            pos = end;
        }
        if (!open.isEmpty()) {
            throw new CodegenException(name + ":" + open.peek().line() + ": section {{#" + open.peek().name()
                    + "}} is never closed");
        }
        addText(bodies.peek(), source.substring(pos));
        return new Template(name, List.copyOf(bodies.peek()));
    }

    /**
     * Renders with {@code context}: values are {@code String}, {@code Boolean} or
     * {@code List<Map<String, ?>>}.
     *
     * @throws CodegenException if a tag's name is missing from the context or has the wrong kind
     */
    String render(Map<String, ?> context) {
        StringBuilder out = new StringBuilder();
        Deque<Map<String, ?>> scopes = new ArrayDeque<>();
        scopes.push(Objects.requireNonNull(context, "context"));
        render(nodes, scopes, out);
        return out.toString();
    }

    private void render(List<Node> list, Deque<Map<String, ?>> scopes, StringBuilder out) {
        for (Node node : list) {
            switch (node) {
                case Text t -> out.append(t.text());
                case Variable v -> {
                    Object value = lookup(scopes, v.name(), v.line());
                    if (!(value instanceof String s)) {
                        throw new CodegenException(name + ":" + v.line() + ": {{" + v.name()
                                + "}} needs a string but the model has " + kind(value));
                    }
                    out.append(s);
                }
                case Section s -> {
                    Object value = lookup(scopes, s.name(), s.line());
                    if (value instanceof Boolean b) {
                        if (b != s.inverted()) {
                            render(s.body(), scopes, out);
                        }
                    } else if (value instanceof List<?> items) {
                        if (s.inverted()) {
                            if (items.isEmpty()) {
                                render(s.body(), scopes, out);
                            }
                        } else {
                            for (Object item : items) {
                                if (!(item instanceof Map<?, ?> map)) {
                                    throw new CodegenException(name + ":" + s.line() + ": section {{#" + s.name()
                                            + "}} needs a list of maps but an element is " + kind(item));
                                }
                                @SuppressWarnings("unchecked")
                                Map<String, ?> scope = (Map<String, ?>) map;
                                scopes.push(scope);
                                render(s.body(), scopes, out);
                                scopes.pop();
                            }
                        }
                    } else {
                        throw new CodegenException(name + ":" + s.line() + ": section {{#" + s.name()
                                + "}} needs a boolean or a list but the model has " + kind(value));
                    }
                }
            }
        }
    }

    private Object lookup(Deque<Map<String, ?>> scopes, String key, int line) {
        for (Map<String, ?> scope : scopes) {
            if (scope.containsKey(key)) {
                return scope.get(key);
            }
        }
        throw new CodegenException(name + ":" + line + ": the model has no value named " + key);
    }

    private static String kind(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    private static void addText(List<Node> body, String text) {
        if (!text.isEmpty()) {
            body.add(new Text(text));
        }
    }

    private static int lineOf(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
