package io.mms.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code the README quotes from an example file (marked {@code <!-- example: path -->} before the
 * code block) is code the build compiles and tests run: every quoted line is in that file, in order.
 */
class ReadmeExamplesTest {

    /** Tests run in the launcher's folder; the README is at the top of the checkout. */
    private static final Path TOP = Path.of("..");
    private static final String MARK = "<!-- example: ";

    @Test
    void everyQuotedExampleIsInItsSourceFile() throws IOException {
        Map<String, List<String>> examples = quotedExamples(Files.readAllLines(TOP.resolve("README.md")));

        assertThat(examples).isNotEmpty();
        for (Map.Entry<String, List<String>> example : examples.entrySet()) {
            List<String> source = trimmed(Files.readAllLines(TOP.resolve(example.getKey())));
            assertThat(source).as(example.getKey()).containsSubsequence(example.getValue());
        }
    }

    private static Map<String, List<String>> quotedExamples(List<String> readme) {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i).trim();
            if (line.startsWith(MARK)) {
                String file = line.substring(MARK.length(), line.indexOf(" -->")).trim();
                examples.put(file, trimmed(codeBlockAfter(readme, i + 1)));
            }
        }
        return examples;
    }

    private static List<String> codeBlockAfter(List<String> readme, int from) {
        assertThat(readme.get(from)).as("a code block right after the example mark").startsWith("```");
        List<String> code = new ArrayList<>();
        for (int i = from + 1; !readme.get(i).startsWith("```"); i++) {
            code.add(readme.get(i));
        }
        return code;
    }

    private static List<String> trimmed(List<String> lines) {
        return lines.stream().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}
