package io.platforminfra.cli;

import io.platforminfra.policy.ReportSchemas;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --junit}: each suite says when its stage was judged and how long it took, by the clock the command
 * line was started with (never the wall clock in a test), and the report stays valid against junit-10.xsd.
 */
class CheckJUnitTest {
    /** A clock that starts at the tests' day and moves on by {@code step} each time it is read. */
    private static final class SteppingClock extends Clock {
        private final Duration step;
        private Instant now = TestDates.CLOCK.instant();

        SteppingClock(Duration step) {
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            var reading = now;
            now = now.plus(step);
            return reading;
        }
    }

    private static Document check(Path directory, Clock clock) throws Exception {
        var project = TestProject.in(Files.createDirectory(directory.resolve("project")))
                .withRepositoryStage("dev", "dev").withRepositoryStage("prod", "prod");
        var junit = directory.resolve("policy.xml");
        var err = new StringWriter();
        var exitCode = Main.run(new String[] {"check", "--all", "--dir", project.dir(), "--as-of",
                TestDates.AS_OF.toString(), "--junit", junit.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err), Map.of(), clock);
        assertThat(exitCode).as(err.toString()).isZero();
        return ReportSchemas.assertValidJUnit(Files.readString(junit));
    }

    private static Element suite(Document document, int index) {
        return (Element) document.getElementsByTagName("testsuite").item(index);
    }

    @Test
    void eachSuiteHasTheTimeItsStageWasJudgedAndHowLongThatTook(@TempDir Path directory) throws Exception {
        // Read once when judging a stage begins and once when it ends: each stage takes one step.
        var document = check(directory, new SteppingClock(Duration.ofMillis(1_250)));
        var dev = suite(document, 0);
        var prod = suite(document, 1);
        assertThat(dev.getAttribute("name")).isEqualTo("policy: dev");
        assertThat(dev.getAttribute("time")).isEqualTo("1.250");
        assertThat(prod.getAttribute("time")).isEqualTo("1.250");
        assertThat(dev.getAttribute("timestamp")).isEqualTo("2026-12-02T00:00:00");
        assertThat(prod.getAttribute("timestamp")).isEqualTo("2026-12-02T00:00:02");
        assertThat(document.getDocumentElement().getAttribute("time")).isEqualTo("2.500");
    }

    @Test
    void aFixedClockGivesTheSameReportEveryRun(@TempDir Path directory) throws Exception {
        var document = check(directory, TestDates.CLOCK);
        assertThat(suite(document, 0).getAttribute("timestamp")).isEqualTo("2026-12-02T00:00:00");
        assertThat(suite(document, 0).getAttribute("time")).isEqualTo("0.000");
        assertThat(document.getDocumentElement().getAttribute("time")).isEqualTo("0.000");
    }
}
