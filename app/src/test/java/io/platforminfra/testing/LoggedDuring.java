package io.platforminfra.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What some work returned, with every record a {@code java.util.logging} logger received while it ran: for tests
 * of what the Pulumi engine would print besides the work's own output.
 *
 * @param result  what the work returned
 * @param records the records, in the order they were logged
 */
public record LoggedDuring<T>(T result, List<LogRecord> records) {

    /** Runs {@code work} with a handler on {@code logger} that keeps its records; the handler is removed after. */
    public static <T> LoggedDuring<T> run(Logger logger, Supplier<T> work) {
        var records = new ArrayList<LogRecord>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            var result = work.get();
            return new LoggedDuring<>(result, List.copyOf(records));
        } finally {
            logger.removeHandler(handler);
        }
    }
}
