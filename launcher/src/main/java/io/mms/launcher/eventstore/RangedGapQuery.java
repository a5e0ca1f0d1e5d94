package io.mms.launcher.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Reads the events after a tracking token that has gaps, as Axon's own statement does, but
 * written so that the database can use the position index. Axon asks for "positions after the
 * token up to a batch, or one of the gaps"; H2 answers that {@code OR} by reading the whole
 * event table, and every processor reading while concurrent commits leave gaps (nearly always,
 * under load) read every event again for each batch. The same rows are asked for here inside
 * one range, from the lowest gap to the end of the batch, which the index serves.
 */
final class RangedGapQuery implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                   List<Long> gaps) throws SQLException {
        String position = schema.globalIndexColumn();
        String sql = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable()
                + " WHERE " + position + " >= ? AND " + position + " <= ?"
                + " AND (" + position + " > ?" + gapCondition(position, gaps) + ")"
                + " ORDER BY " + position + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        long lowest = gaps.isEmpty() ? globalIndex + 1 : Math.min(globalIndex + 1, Collections.min(gaps));
        statement.setLong(1, lowest);
        statement.setLong(2, globalIndex + batchSize);
        statement.setLong(3, globalIndex);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(4 + i, gaps.get(i));
        }
        return statement;
    }

    private static String gapCondition(String position, List<Long> gaps) {
        if (gaps.isEmpty()) {
            return "";
        }
        return " OR " + position + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")";
    }
}
