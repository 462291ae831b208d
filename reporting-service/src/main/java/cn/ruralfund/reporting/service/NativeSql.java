package cn.ruralfund.reporting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;

/** A native statement built with numbered parameters, run in the current Hibernate Reactive session (and its transaction). */
final class NativeSql {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    NativeSql append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends a parameter placeholder, cast to {@code type} so that PostgreSQL never has to guess. */
    NativeSql param(Object value, String type) {
        params.add(value);
        sql.append("cast(?").append(params.size()).append(" as ").append(type).append(')');
        return this;
    }

    /**
     * Appends a whole column as one array parameter (a PostgreSQL array literal of quoted elements, cast to
     * {@code type[]}), to be read with {@code unnest(...)}: a batch of any size costs the same few parameters.
     */
    NativeSql array(List<?> values, String type) {
        StringBuilder literal = new StringBuilder(values.size() * 16).append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        params.add(literal.append('}').toString());
        // bound as text, then cast: the Vert.x client encodes a parameter by the type PostgreSQL infers for it
        sql.append("cast(cast(?").append(params.size()).append(" as text) as ").append(type).append("[])");
        return this;
    }

    Uni<Integer> update() {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q.executeUpdate();
        });
    }

    Uni<List<Object[]>> rows() {
        return Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString(), Object[].class);
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
            return q.getResultList();
        }).map(NativeSql::rowsOf);
    }

    /** A one-column result comes back as bare values, not one-element arrays. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Object[]> rowsOf(List<?> results) {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (Object r : (List) results) {
            rows.add(r instanceof Object[] a ? a : new Object[]{r});
        }
        return rows;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
