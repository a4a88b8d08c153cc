package io.platforminfra.policy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gate's verdict as JUnit XML, which every CI system shows as a test report: one test suite per stage, one test
 * case per rule, a failure where the rule fails the gate; advice and waivers are written into the test case's output.
 * Each suite carries when its stage was judged ({@code timestamp}, UTC, as Surefire writes it) and how long that
 * took ({@code time}, seconds); the whole run's time is their sum.
 */
public final class JUnitReport {
    /** Surefire's timestamp: ISO 8601 without a zone (the xsd leaves it free; CI systems parse this form). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private JUnitReport() {
    }

    /**
     * When a stage was judged and how long it took, by the clock the command was started with.
     *
     * @param started when judging the stage began
     * @param took    how long planning and judging it took
     */
    public record Timing(Instant started, Duration took) {
    }

    /**
     * The verdicts of every checked stage as one JUnit XML document.
     *
     * @param verdicts the verdicts, one suite each
     * @param timings  when each stage was judged and how long it took, by stage; a stage without one has no times
     */
    public static String render(List<StageVerdict> verdicts, Map<String, Timing> timings) {
        try {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            var suites = document.createElement("testsuites");
            attribute(suites, "name", "platform-infra policy gate");
            if (!timings.isEmpty()) {
                attribute(suites, "time", seconds(timings.values().stream().map(Timing::took)
                        .reduce(Duration.ZERO, Duration::plus)));
            }
            document.appendChild(suites);
            for (var verdict : verdicts) {
                var suite = suite(document, verdict);
                var timing = timings.get(verdict.target().stage());
                if (timing != null) {
                    attribute(suite, "time", seconds(timing.took()));
                    attribute(suite, "timestamp", TIMESTAMP.format(timing.started()));
                }
                suites.appendChild(suite);
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            var out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out + "\n";
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("JUnit report could not be written", e);
        }
    }

    private static Element suite(Document document, StageVerdict verdict) {
        var stage = verdict.target().stage();
        var suite = document.createElement("testsuite");
        attribute(suite, "name", "policy: " + stage);
        attribute(suite, "tests", String.valueOf(Rules.ALL.size()));
        attribute(suite, "failures", String.valueOf(Rules.ALL.stream()
                .filter(rule -> verdict.of(rule).stream().anyMatch(Violation::failsTheGate)).count()));
        attribute(suite, "errors", "0");
        for (var rule : Rules.ALL) {
            var testCase = document.createElement("testcase");
            attribute(testCase, "classname", "policy." + stage);
            attribute(testCase, "name", rule.id() + " " + rule.title());
            var violations = verdict.of(rule);
            var failing = violations.stream().filter(Violation::failsTheGate).toList();
            if (!failing.isEmpty()) {
                var failure = document.createElement("failure");
                attribute(failure, "type", rule.severity().name());
                attribute(failure, "message", failing.size() + " violation(s): " + rule.remediation());
                text(failure, lines(failing));
                testCase.appendChild(failure);
            }
            var notes = violations.stream().filter(v -> !v.failsTheGate()).toList();
            if (!notes.isEmpty()) {
                var output = document.createElement("system-out");
                text(output, notes.stream().map(v -> (v.waiver().isPresent() ? "waived until "
                        + v.waiver().get().expires() + " (" + v.waiver().get().reason() + "): " : "advice ("
                        + rule.scope().description() + "): ") + describe(v)).collect(Collectors.joining("\n")));
                testCase.appendChild(output);
            }
            suite.appendChild(testCase);
        }
        return suite;
    }

    /** {@code duration} in seconds with milliseconds, as the xsd's SUREFIRE_TIME has it ({@code 12.345}). */
    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%d.%03d", duration.toSeconds(), duration.toMillisPart());
    }

    /** Sets attribute {@code name}; text from stack files cannot make the document unreadable. */
    private static void attribute(Element element, String name, String value) {
        element.setAttribute(name, ReportText.forXml(value));
    }

    /** Sets the text of {@code element}; text from stack files cannot make the document unreadable. */
    private static void text(Element element, String value) {
        element.setTextContent(ReportText.forXml(value));
    }

    private static String lines(List<Violation> violations) {
        return violations.stream().map(JUnitReport::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Violation violation) {
        var finding = violation.finding();
        return finding.resourceType() + " \"" + finding.resourceName() + "\": " + finding.message();
    }
}
