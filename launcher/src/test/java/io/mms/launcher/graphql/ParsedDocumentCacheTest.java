package io.mms.launcher.graphql;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ParsedDocumentCacheTest {

    private final AtomicInteger parsed = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parser = input -> {
        parsed.incrementAndGet();
        if (input.getQuery().contains("nonsense")) {
            return new PreparsedDocumentEntry(List.of(GraphqlErrorBuilder.newError().message("invalid").build()));
        }
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aDocumentSentAgainWithOtherVariablesIsNotParsedAgain() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10_000);
        String query = "query($id: ID!) { customer(id: $id) { name } }";

        Document first = cache.getDocumentAsync(input(query, "c1"), parser).join().getDocument();
        Document second = cache.getDocumentAsync(input(query, "c2"), parser).join().getDocument();
        cache.getDocumentAsync(input("{ campaigns { totalCount } }", "c1"), parser).join();

        assertThat(second).isSameAs(first);
        assertThat(parsed).hasValue(2);
    }

    @Test
    void anInvalidDocumentIsRememberedWithItsErrors() {
        ParsedDocumentCache cache = new ParsedDocumentCache(10_000);

        cache.getDocumentAsync(input("{ nonsense }", "c1"), parser).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input("{ nonsense }", "c1"), parser).join();

        assertThat(again.hasErrors()).isTrue();
        assertThat(parsed).hasValue(1);
    }

    private static ExecutionInput input(String query, String id) {
        return ExecutionInput.newExecutionInput(query).variables(Map.of("id", id)).build();
    }
}
