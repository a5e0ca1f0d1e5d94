package io.mms.query.web;

import io.mms.projections.support.Page;

import java.util.List;

/** A Relay-style connection: one page of nodes, each with its cursor, and where the page ends. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public static <T> Connection<T> of(Page<T> page) {
        List<Edge<T>> edges = page.items().stream().map(item -> new Edge<>(item.node(), item.cursor())).toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(page.hasNextPage(), endCursor));
    }

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }
}
