package io.mms.events.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of a contract class, read from its source file, so that the schemas describe
 * events and fields in the words their authors wrote once. Records document their fields with
 * {@code @param}; enums document their constants with a comment of their own.
 *
 * @param text      the class's description up to its first paragraph break, without tags
 * @param params    the {@code @param} descriptions, by field name
 * @param constants the descriptions of enum constants, by name
 */
record Javadoc(String text, Map<String, String> params, Map<String, String> constants) {

    private static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src", "main", "java");
    private static final Pattern COMMENT = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=@param|\\z)", Pattern.DOTALL);
    private static final Pattern CONSTANT = Pattern.compile("/\\*\\*(.*?)\\*/\\s*([A-Z][A-Z0-9_]*)\\s*[,;]?\\s*$",
            Pattern.DOTALL | Pattern.MULTILINE);

    static final Javadoc NONE = new Javadoc("", Map.of(), Map.of());

    private static final ClassValue<Javadoc> READ = new ClassValue<>() {
        @Override
        protected Javadoc computeValue(Class<?> type) {
            return read(type);
        }
    };

    /** The Javadoc of a top-level class; none when its source is not at hand. */
    static Javadoc of(Class<?> type) {
        return READ.get(type);
    }

    private static Javadoc read(Class<?> type) {
        Path source = SOURCES.resolve(type.getName().replace('.', '/') + ".java");
        if (type.getEnclosingClass() != null || !Files.exists(source)) {
            return NONE;
        }
        try {
            return parse(Files.readString(source), type.getSimpleName());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static Javadoc parse(String source, String simpleName) {
        Matcher declaration = Pattern.compile("\\b(record|enum|class|interface)\\s+" + simpleName + "\\b")
                .matcher(source);
        if (!declaration.find()) {
            return NONE;
        }
        String comment = lastComment(source.substring(0, declaration.start())).orElse("");
        String body = source.substring(declaration.end());
        String text = comment.split("(?i)<p>|@param", 2)[0];
        Map<String, String> constants = declaration.group(1).equals("enum") ? constants(body) : Map.of();
        return new Javadoc(clean(text), params(comment), constants);
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    private static Optional<String> lastComment(String head) {
        Matcher comments = COMMENT.matcher(head);
        String last = null;
        while (comments.find()) {
            last = comments.group(1);
        }
        return Optional.ofNullable(last).map(Javadoc::unstar);
    }

    private static Map<String, String> params(String comment) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(comment);
        while (param.find()) {
            params.put(param.group(1), clean(param.group(2)));
        }
        return params;
    }

    /** Constant comments up to the first semicolon, which ends an enum's constants. */
    private static Map<String, String> constants(String body) {
        int end = body.indexOf(';');
        Matcher constant = CONSTANT.matcher(end < 0 ? body : body.substring(0, end + 1));
        Map<String, String> constants = new LinkedHashMap<>();
        while (constant.find()) {
            constants.put(constant.group(2), clean(unstar(constant.group(1))));
        }
        return constants;
    }

    private static String unstar(String comment) {
        return comment.replaceAll("(?m)^\\s*\\*[ \\t]?", "");
    }

    /** Plain text: inline tags reduced to their words, paragraphs and list items kept as lines. */
    private static String clean(String javadoc) {
        return javadoc
                .replaceAll("\\s+", " ")
                .replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+[^\\s}]+\\s+([^}]+)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+(?:[\\w.]*#)?(\\w+)[^}]*}", "$1")
                .replaceAll("(?i)</?(?:ul|ol)>|</li>|</p>", "")
                .replaceAll("(?i)\\s*<li>\\s*", "\n- ")
                .replaceAll("(?i)\\s*<p>\\s*", "\n\n")
                .replaceAll("(?i)</?\\w+[^>]*>", "")
                .replaceAll(" +", " ")
                .strip();
    }
}
