package dev.pryx.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pryx.support.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Small helpers for what commands print: JSON for {@code --json}, aligned text columns otherwise. */
final class Output {
    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of plain values always serialises", e);
        }
    }

    /** Rows as columns separated by two spaces, each column as wide as its widest cell. */
    static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        print(out, header, widths);
        for (List<String> row : rows) {
            print(out, row, widths);
        }
    }

    private static void print(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
