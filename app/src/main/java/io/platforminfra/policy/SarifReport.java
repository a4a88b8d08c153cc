package io.platforminfra.policy;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gate's verdict as SARIF 2.1.0, the format code scanning tools read: one run per stage (its
 * {@code automationDetails.id} is {@code policy/<stage>/}, so each stage is its own analysis category), one rule
 * entry per rule, one result per violation (level {@code error} where it fails the gate, {@code warning} where it is
 * advice; waived ones carry their waiver as a suppression). A result is located at the line of the stage's stack file
 * that causes it ({@link RuleKeys#locate}) and at the resource's URN, and carries a fingerprint of rule, stage and
 * resource that stays the same from run to run, so a consumer follows one finding across pull requests.
 */
public final class SarifReport {
    private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");
    /** The name of our fingerprint in {@code partialFingerprints}; a new way of computing it gets a new version. */
    public static final String FINGERPRINT = "platformInfraPolicy/v1";

    private SarifReport() {
    }

    /**
     * The verdicts of every checked stage as one SARIF document.
     *
     * @param verdicts    the verdicts, one run each
     * @param locations   where the keys of each stage's stack file are written, by stage; a stage without any has
     *                    results without a region
     * @param toolVersion the version of the tool that judged them; {@code null} when unknown
     */
    public static String render(List<StageVerdict> verdicts, Map<String, KeyLocations> locations,
                                String toolVersion) {
        var runs = verdicts.stream().map(verdict -> run(verdict,
                locations.getOrDefault(verdict.target().stage(), KeyLocations.NONE), toolVersion)).toList();
        var sarif = new SarifSchema210().with$schema(SCHEMA).withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(runs);
        try {
            // Jackson escapes control characters; an unpaired surrogate it would pass on, and UTF-8 cannot hold it.
            return ReportText.wellFormed(new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                    .addMixIn(Run.class, ResultsAlways.class)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sarif)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SARIF report could not be written", e);
        }
    }

    /**
     * An empty {@code results} is written: SARIF reads a run without it as one that could not judge anything
     * (section 3.14.23), while an empty list says that the stage has no finding.
     */
    private abstract static class ResultsAlways {
        @JsonProperty("results")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        private List<Result> results;
    }

    private static Run run(StageVerdict verdict, KeyLocations locations, String toolVersion) {
        var driver = new ToolComponent().withName("platform-infra policy gate")
                .withInformationUri(URI.create("https://dev.azure.com/platform-infra/docs/policies.md"))
                .withRules(new LinkedHashSet<>(Rules.ALL.stream().map(SarifReport::descriptor).toList()));
        if (toolVersion != null) {
            driver.setVersion(toolVersion);
        }
        var occurrences = new HashMap<String, Integer>();
        var results = verdict.violations().stream().map(violation -> {
            var result = result(verdict, violation, locations);
            var fingerprint = fingerprint(verdict.target().stage(), violation);
            // Two findings of one rule on one resource (two pools of a cluster) differ by their occurrence.
            var occurrence = occurrences.merge(fingerprint, 1, Integer::sum);
            result.setPartialFingerprints(fingerprints(fingerprint + ":" + occurrence));
            return result;
        }).toList();
        return new Run().withTool(new Tool().withDriver(driver))
                // Columns as the YAML parser counts them: characters (code points), not UTF-16 units.
                .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS)
                .withAutomationDetails(new RunAutomationDetails().withId("policy/" + verdict.target().stage() + "/"))
                .withResults(results);
    }

    /**
     * SHA-256 of rule, stage, resource type and resource name, hex: what identifies a finding across runs. Not the
     * message (it may name a day or a count) nor the line (it moves when a key is added above).
     */
    static String fingerprint(String stage, Violation violation) {
        var finding = violation.finding();
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u0000", violation.rule().id(),
                    stage, finding.resourceType(), finding.resourceName()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static com.contrastsecurity.sarif.PartialFingerprints fingerprints(String value) {
        var fingerprints = new com.contrastsecurity.sarif.PartialFingerprints();
        fingerprints.setAdditionalProperty(FINGERPRINT, value);
        return fingerprints;
    }

    /**
     * {@code path} as the relative URI reference SARIF requires ({@code artifactLocation.uri}, RFC 3986): characters
     * a URI cannot hold are percent-encoded as UTF-8.
     */
    static String uriReference(String path) {
        var wellFormed = ReportText.wellFormed(path);
        try {
            return new URI(null, null, wellFormed, null).toASCIIString();
        } catch (URISyntaxException e) {
            try {
                // A path that reads as having a scheme ("c:x"): "./" makes it a relative reference.
                return new URI(null, null, "./" + wellFormed, null).toASCIIString();
            } catch (URISyntaxException again) {
                throw new IllegalStateException("no URI reference for " + path, again);
            }
        }
    }

    private static ReportingDescriptor descriptor(Rule rule) {
        var properties = new PropertyBag().withTags(tags(rule));
        properties.setAdditionalProperty("severity", rule.severity().name());
        properties.setAdditionalProperty("scope", rule.scope().description());
        properties.setAdditionalProperty("source", rule.source());
        rule.checkovId().ifPresent(id -> properties.setAdditionalProperty("checkovId", id));
        return new ReportingDescriptor().withId(rule.id()).withName(rule.title())
                .withShortDescription(new MultiformatMessageString().withText(rule.title()))
                .withFullDescription(new MultiformatMessageString().withText(rule.rationale()))
                .withHelp(new MultiformatMessageString().withText(rule.remediation()))
                .withProperties(properties);
    }

    private static Set<String> tags(Rule rule) {
        var tags = new LinkedHashSet<String>();
        tags.add("security");
        rule.checkovId().ifPresent(tags::add);
        return tags;
    }

    private static Result result(StageVerdict verdict, Violation violation, KeyLocations locations) {
        var target = verdict.target();
        var finding = violation.finding();
        var urn = target.resources().stream().filter(r -> r.name().equals(finding.resourceName())
                && r.type().equals(finding.resourceType())).map(PolicyResource::urn).findFirst()
                .orElse(finding.resourceName());
        var physical = new PhysicalLocation()
                .withArtifactLocation(new ArtifactLocation().withUri(uriReference(target.stackFile())));
        RuleKeys.locate(verdict, violation, locations).ifPresent(position -> physical.setRegion(new Region()
                .withStartLine(position.line()).withStartColumn(position.column())));
        var result = new Result().withRuleId(violation.rule().id())
                .withRuleIndex(Rules.ALL.indexOf(violation.rule()))
                .withLevel(violation.failsTheGate() || violation.waiver().isPresent() && violation.mandatory()
                        ? Result.Level.ERROR : Result.Level.WARNING)
                .withMessage(new Message().withText(target.stage() + ": " + finding.resourceType() + " \""
                        + finding.resourceName() + "\": " + finding.message() + ". " + violation.rule().remediation()))
                .withLocations(List.of(new Location()
                        .withPhysicalLocation(physical)
                        .withLogicalLocations(Set.of(new LogicalLocation().withName(finding.resourceName())
                                .withFullyQualifiedName(urn).withKind("resource")))));
        violation.waiver().ifPresent(waiver -> result.setSuppressions(Set.of(new Suppression()
                .withKind(Suppression.Kind.EXTERNAL).withStatus(Suppression.Status.ACCEPTED)
                .withJustification(waiver.reason() + " (until " + waiver.expires() + ")"))));
        return result;
    }
}
