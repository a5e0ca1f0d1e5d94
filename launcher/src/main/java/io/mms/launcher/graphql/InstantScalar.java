package io.mms.launcher.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The {@code DateTime} scalar: an instant as an ISO-8601 string in UTC, such as {@code 2026-12-03T16:00:00Z}. */
final class InstantScalar {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant as an ISO-8601 string, such as 2026-12-03T16:00:00Z.")
            .coercing(new InstantCoercing())
            .build();

    private InstantScalar() {
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            throw new CoercingSerializeException("expected an Instant but got " + value.getClass().getName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("a DateTime is an ISO-8601 string, not " + input);
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                    Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("a DateTime is an ISO-8601 string");
        }

        private static <E extends RuntimeException> Instant parse(
                String text, java.util.function.Function<String, E> failure) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException malformed) {
                throw failure.apply("'" + text + "' is not an ISO-8601 date-time with an offset");
            }
        }
    }
}
