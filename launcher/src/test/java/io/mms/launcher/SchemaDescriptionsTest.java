package io.mms.launcher;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.ScalarInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.execution.GraphQlSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every type, field, input field and enum value that MMS serves says what it is. */
class SchemaDescriptionsTest {

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory);
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void everyTypeAndFieldOfTheServedSchemaIsDescribed() {
        GraphQLSchema schema = mms.bean(GraphQlSource.class).schema();

        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!builtIn(type)) {
                undescribed.addAll(undescribedIn(type));
            }
        }

        assertThat(undescribed).as("types and fields without a description").isEmpty();
    }

    private static List<String> undescribedIn(GraphQLNamedType type) {
        List<String> missing = new ArrayList<>();
        check(missing, type.getName(), type.getDescription());
        if (type instanceof GraphQLFieldsContainer container) {
            container.getFieldDefinitions().forEach(field ->
                    check(missing, type.getName() + "." + field.getName(), field.getDescription()));
        }
        if (type instanceof GraphQLInputObjectType input) {
            input.getFieldDefinitions().forEach(field ->
                    check(missing, type.getName() + "." + field.getName(), field.getDescription()));
        }
        if (type instanceof GraphQLEnumType enumeration) {
            enumeration.getValues().forEach(value ->
                    check(missing, type.getName() + "." + value.getName(), value.getDescription()));
        }
        return missing;
    }

    private static void check(List<String> missing, String name, String description) {
        if (description == null || description.isBlank()) {
            missing.add(name);
        }
    }

    /** Introspection types and GraphQL's own scalars are described by the specification. */
    private static boolean builtIn(GraphQLNamedType type) {
        return type.getName().startsWith("__") || ScalarInfo.isGraphqlSpecifiedScalar(type.getName());
    }
}
