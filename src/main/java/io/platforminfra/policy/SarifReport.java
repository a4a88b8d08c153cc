package io.platforminfra.policy;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gate's verdict as SARIF 2.1.0, the format code scanning tools read: one rule entry per rule, one result per
 * violation (level {@code error} where it fails the gate, {@code warning} where it is advice; waived ones carry
 * their waiver as a suppression), located in the stage's stack file and at the resource's URN.
 */
public final class SarifReport {
    private static final URI SCHEMA = URI.create("https://json.schemastore.org/sarif-2.1.0.json");

    private SarifReport() {
    }

    /** The verdicts of every checked stage as one SARIF document. */
    public static String render(List<StageVerdict> verdicts) {
        var driver = new ToolComponent().withName("platform-infra policy gate")
                .withInformationUri(URI.create("https://dev.azure.com/platform-infra/docs/policies.md"))
                .withRules(new LinkedHashSet<>(Rules.ALL.stream().map(SarifReport::descriptor).toList()));
        var results = verdicts.stream().flatMap(verdict -> verdict.violations().stream()
                .map(violation -> result(verdict.target(), violation))).toList();
        var sarif = new SarifSchema210().with$schema(SCHEMA).withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(new Run().withTool(new Tool().withDriver(driver)).withResults(results)));
        try {
            // Jackson escapes control characters; an unpaired surrogate it would pass on, and UTF-8 cannot hold it.
            return ReportText.wellFormed(new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sarif)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SARIF report could not be written", e);
        }
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

    private static Result result(PolicyTarget target, Violation violation) {
        var finding = violation.finding();
        var urn = target.resources().stream().filter(r -> r.name().equals(finding.resourceName())
                && r.type().equals(finding.resourceType())).map(PolicyResource::urn).findFirst()
                .orElse(finding.resourceName());
        var result = new Result().withRuleId(violation.rule().id())
                .withRuleIndex(Rules.ALL.indexOf(violation.rule()))
                .withLevel(violation.failsTheGate() || violation.waiver().isPresent() && violation.mandatory()
                        ? Result.Level.ERROR : Result.Level.WARNING)
                .withMessage(new Message().withText(target.stage() + ": " + finding.resourceType() + " \""
                        + finding.resourceName() + "\": " + finding.message() + ". " + violation.rule().remediation()))
                .withLocations(List.of(new Location()
                        .withPhysicalLocation(new PhysicalLocation()
                                .withArtifactLocation(new ArtifactLocation().withUri(uriReference(target.stackFile()))))
                        .withLogicalLocations(Set.of(new LogicalLocation().withName(finding.resourceName())
                                .withFullyQualifiedName(urn).withKind("resource")))));
        violation.waiver().ifPresent(waiver -> result.setSuppressions(Set.of(new Suppression()
                .withKind(Suppression.Kind.EXTERNAL).withStatus(Suppression.Status.ACCEPTED)
                .withJustification(waiver.reason() + " (until " + waiver.expires() + ")"))));
        return result;
    }
}
