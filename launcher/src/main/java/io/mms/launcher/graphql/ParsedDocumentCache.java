package io.mms.launcher.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parses and validates each distinct query document once. Frontends and partner tools send the
 * same few documents over and over with different variables; without this, every request paid
 * for parsing and validating its document again (a tenth of a mutation's time in the write-path
 * benchmark). A document that fails validation is remembered with its errors too.
 *
 * <p>The cache is bounded by the total length of the documents it holds, so that many large,
 * distinct documents cannot fill the heap; the least used ones are dropped first.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(long maxCharacters) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(maxCharacters)
                .weigher((String query, PreparsedDocumentEntry entry) -> query.length())
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(
                documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
    }
}
