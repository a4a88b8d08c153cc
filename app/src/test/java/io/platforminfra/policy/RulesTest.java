package io.platforminfra.policy;

import io.platforminfra.azure.AzureResourceType;
import io.platforminfra.azure.VersionSupport;
import io.platforminfra.testing.TestDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.platforminfra.policy.PolicyTargetsOfStages.changeFirst;
import static io.platforminfra.policy.PolicyTargetsOfStages.with;
import static io.platforminfra.policy.PolicyTargetsOfStages.withInput;
import static io.platforminfra.policy.PolicyTargetsOfStages.without;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule, shown both ways: the repository's production stage passes it, and the same graph with one setting
 * made insecure violates it.
 */
class RulesTest {
    private static final LocalDate TODAY = TestDates.AS_OF;
    private static final String CLUSTER = "azure-native:containerservice:ManagedCluster";
    private static final String VAULT = "azure-native:keyvault:Vault";
    private static final String STORAGE = "azure-native:storage:StorageAccount";
    private static final String POSTGRES = "azure-native:dbforpostgresql:Server";
    private static final String POLICY_ASSIGNMENT = "azure-native:authorization:PolicyAssignment";
    private static final String DIAGNOSTIC_SETTING = "azure-native:insights:DiagnosticSetting";
    private static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    /** Per rule, how to make the passing production graph violate it. */
    private static final Map<String, UnaryOperator<PolicyTarget>> VIOLATIONS = Map.ofEntries(
            Map.entry("PI-AKS-001", t -> withInput(t, CLUSTER, "aadProfile.enableAzureRBAC", false)),
            Map.entry("PI-AKS-002", t -> withInput(t, CLUSTER, "disableLocalAccounts", false)),
            Map.entry("PI-AKS-003", t -> withInput(t, CLUSTER, "apiServerAccessProfile.authorizedIPRanges", List.of())),
            Map.entry("PI-AKS-004", t -> withInput(t, CLUSTER, "apiServerAccessProfile.authorizedIPRanges",
                    List.of("0.0.0.0/0"))),
            Map.entry("PI-AKS-005", t -> withInput(t, CLUSTER, "networkProfile.networkPolicy", "none")),
            Map.entry("PI-AKS-006", t -> withInput(t, CLUSTER, "addonProfiles.azurepolicy.enabled", false)),
            Map.entry("PI-AKS-007", t -> withInput(t, CLUSTER, "autoUpgradeProfile.upgradeChannel", "none")),
            Map.entry("PI-AKS-008", t -> withInput(t, CLUSTER, "addonProfiles.omsagent.enabled", false)),
            Map.entry("PI-AKS-009", t -> withInput(t, CLUSTER, "agentPoolProfiles.0.enableNodePublicIP", true)),
            Map.entry("PI-AKS-010", t -> withInput(t, CLUSTER, "sku.tier", "Free")),
            Map.entry("PI-AKS-011", t -> withInput(t, CLUSTER, "addonProfiles.azureKeyvaultSecretsProvider.enabled", false)),
            Map.entry("PI-AKS-012", t -> withInput(t, CLUSTER, "securityProfile.workloadIdentity.enabled", false)),
            Map.entry("PI-AKS-013", t -> changeFirst(t, r -> r.type().startsWith("kubernetes:"), r -> new PolicyResource(
                    r.type(), r.name(), r.urn(), r.inputs(), r.protect(), "", r.dependencies()))),
            Map.entry("PI-AKS-014", t -> withInput(t, CLUSTER, "securityProfile.defender", null)),
            Map.entry("PI-AKS-015", t -> withInput(t, CLUSTER, "apiServerAccessProfile.disableRunCommand", false)),
            Map.entry("PI-AKS-016", t -> withInput(t, POLICY_ASSIGNMENT, "parameters.effect.value", "audit")),
            Map.entry("PI-AKS-017", t -> without(t, r -> r.type().equals(DIAGNOSTIC_SETTING)
                    && r.list("logs").stream().anyMatch(log -> log instanceof Map<?, ?> m
                    && "kube-audit-admin".equals(m.get("category"))))),
            Map.entry("PI-AKS-018", t -> without(t, r -> r.type().equals(
                    "azure-native:containerservice/v20230601:MaintenanceConfiguration"))),
            Map.entry("PI-AKS-019", t -> withInput(t, CLUSTER, "agentPoolProfiles.0.availabilityZones", List.of("1"))),
            Map.entry("PI-LIFE-001", t -> t.on(lastDayOfClusterVersion(t).minusDays(30))),
            Map.entry("PI-KV-001", t -> withInput(t, VAULT, "properties.enablePurgeProtection", false)),
            Map.entry("PI-KV-002", t -> withInput(t, VAULT, "properties.enableSoftDelete", false)),
            Map.entry("PI-KV-003", t -> withInput(t, VAULT, "properties.enableRbacAuthorization", false)),
            Map.entry("PI-KV-004", t -> withInput(t, VAULT, "properties.networkAcls.defaultAction", "Allow")),
            Map.entry("PI-KV-005", t -> withInput(withInput(t, VAULT, "properties.publicNetworkAccess", "Enabled"),
                    VAULT, "properties.networkAcls.ipRules", List.of(Map.of("value", "0.0.0.0/0")))),
            Map.entry("PI-KV-006", t -> without(t, r -> r.type().equals("azure-native:network:PrivateEndpoint"))),
            Map.entry("PI-ST-001", t -> withInput(t, STORAGE, "enableHttpsTrafficOnly", false)),
            Map.entry("PI-ST-002", t -> withInput(t, STORAGE, "minimumTlsVersion", "TLS1_0")),
            Map.entry("PI-ST-003", t -> withInput(t, STORAGE, "allowBlobPublicAccess", true)),
            Map.entry("PI-ST-004", t -> withInput(t, STORAGE, "publicNetworkAccess", "Enabled")),
            Map.entry("PI-ST-005", t -> withInput(t, STORAGE, "networkRuleSet.defaultAction", "Allow")),
            Map.entry("PI-ST-006", t -> withInput(t, STORAGE, "allowSharedKeyAccess", true)),
            Map.entry("PI-ST-007", t -> withInput(t, STORAGE, "sku.name", "Standard_LRS")),
            Map.entry("PI-ST-008", t -> withInput(t, "azure-native:storage:BlobServiceProperties",
                    "deleteRetentionPolicy.enabled", false)),
            Map.entry("PI-ST-009", t -> withInput(t, "azure-native:storage:BlobContainer", "publicAccess", "Blob")),
            Map.entry("PI-ST-010", t -> withInput(t, STORAGE, "allowCrossTenantReplication", true)),
            Map.entry("PI-PG-001", t -> withInput(t, POSTGRES, "network.delegatedSubnetResourceId", null)),
            Map.entry("PI-PG-002", t -> withInput(t, POSTGRES, "authConfig.activeDirectoryAuth", "Disabled")),
            Map.entry("PI-PG-003", t -> withInput(t, POSTGRES, "authConfig.passwordAuth", "Enabled")),
            Map.entry("PI-PG-004", t -> withInput(t, POSTGRES, "backup.geoRedundantBackup", "Disabled")),
            Map.entry("PI-PG-005", t -> withInput(t, POSTGRES, "highAvailability.mode", "Disabled")),
            Map.entry("PI-PG-006", t -> withInput(t, POSTGRES, "backup.backupRetentionDays", 7.0)),
            Map.entry("PI-PG-007", t -> withInput(t, "azure-native:dbforpostgresql:Configuration", "value", "off")),
            Map.entry("PI-PG-008", t -> with(t, new PolicyResource("azure-native:dbforpostgresql:FirewallRule",
                    "database-allow-all", "urn:pulumi:prod::platform-infra::azure-native:dbforpostgresql:FirewallRule::x",
                    Map.of("startIpAddress", "0.0.0.0", "endIpAddress", "255.255.255.255"), false, "", List.of()))),
            Map.entry("PI-NET-001", t -> withInput(t, "azure-native:network:Subnet", "networkSecurityGroup", null)),
            Map.entry("PI-NET-002", t -> withInput(t, "azure-native:network:NetworkSecurityGroup", "securityRules",
                    List.of(Map.of("name", "ssh", "direction", "Inbound", "access", "Allow", "sourceAddressPrefix", "*")))),
            Map.entry("PI-ID-001", t -> withInput(t, "azure-native:authorization:RoleAssignment", "roleDefinitionId",
                    "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/" + OWNER)),
            Map.entry("PI-ID-002", t -> withInput(t, "azure-native:authorization:RoleAssignment", "principalType", "User")),
            Map.entry("PI-ID-003", t -> withInput(t, "azure-native:managedidentity:FederatedIdentityCredential",
                    "subject", "repo:contoso/app:ref:refs/heads/main")),
            Map.entry("PI-TAG-001", t -> withInput(t, VAULT, "tags.owner", null)),
            Map.entry("PI-MON-001", t -> without(t, r -> r.type().equals("azure-native:insights:DiagnosticSetting"))),
            Map.entry("PI-MON-002", t -> withInput(t, "azure-native:operationalinsights:Workspace", "retentionInDays", 30.0)),
            Map.entry("PI-GOV-001", t -> changeFirst(t, r -> r.type().equals(VAULT), r -> new PolicyResource(r.type(),
                    r.name(), r.urn(), r.inputs(), false, r.provider(), r.dependencies()))),
            Map.entry("PI-GOV-002", t -> without(t, r -> r.type().equals("azure-native:authorization:ManagementLockByScope"))));

    static List<Rule> rules() {
        return Rules.ALL;
    }

    @Test
    void thereAreAtLeastThirtyRulesWithUniqueIdsOfOurForm() {
        assertThat(Rules.ALL).hasSizeGreaterThanOrEqualTo(30);
        assertThat(Rules.ALL).extracting(Rule::id).doesNotHaveDuplicates()
                .allMatch(id -> Pattern.matches("PI-[A-Z]+-\\d{3}", id));
        assertThat(Rules.ALL).filteredOn(r -> r.checkovId().isPresent()).hasSizeGreaterThanOrEqualTo(16)
                .allMatch(r -> r.checkovId().get().matches("CKV2?_AZURE_\\d+"));
        assertThat(Rules.ALL).allSatisfy(rule -> assertThat(List.of(rule.title(), rule.rationale(), rule.source(),
                rule.remediation())).as(rule.id()).allMatch(text -> !text.isBlank()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theProductionStagePassesTheRuleAndAnInsecureVariantViolatesIt(Rule rule) {
        var production = PolicyTargetsOfStages.of("prod");
        assertThat(PolicyCheck.evaluate(production, List.of(), TODAY).of(rule)).as("findings in Pulumi.prod.yaml").isEmpty();
        if (rule.id().equals(PolicyCheck.EXPIRED_WAIVER_RULE)) {
            var expired = new Waiver("PI-ST-007", "storage-st", "replication decided per quarter", TODAY.minusDays(1));
            assertThat(PolicyCheck.evaluate(production, List.of(expired), TODAY).of(rule)).singleElement()
                    .matches(Violation::failsTheGate);
            return;
        }
        var insecure = VIOLATIONS.get(rule.id());
        assertThat(insecure).as("a violating variant for " + rule.id()).isNotNull();
        var variant = insecure.apply(production);
        var violations = PolicyCheck.evaluate(variant, List.of(), variant.asOf()).of(rule);
        // Advice is shown and never fails the gate; every other rule is mandatory in production.
        assertThat(violations).as(rule.id()).isNotEmpty()
                .allMatch(v -> v.failsTheGate() == (rule.scope() != Scope.ADVICE));
    }

    @Test
    void aResourceUnderAnExplicitApiVersionIsJudgedAsItsType() {
        var production = PolicyTargetsOfStages.of("prod");
        var versioned = changeFirst(withInput(production, VAULT, "properties.enablePurgeProtection", false),
                r -> r.type().equals(VAULT), r -> new PolicyResource("azure-native:keyvault/v20230701:Vault", r.name(),
                        r.urn(), r.inputs(), false, r.provider(), r.dependencies()));
        var verdict = PolicyCheck.evaluate(versioned, List.of(), TODAY);
        assertThat(verdict.failing()).extracting(v -> v.rule().id())
                .contains("PI-KV-001", "PI-GOV-001");
    }

    @Test
    void theMonitoringAgentMustAuthenticateWithEntraIdThroughADataCollectionRule() {
        var production = PolicyTargetsOfStages.of("prod");
        var rule = Rules.byId("PI-AKS-008").orElseThrow();
        var keyAuthentication = withInput(production, CLUSTER, "addonProfiles.omsagent.config",
                Map.of("logAnalyticsWorkspaceResourceID", "/subscriptions/s/workspaces/w", "useAADAuth", "false"));
        assertThat(PolicyCheck.evaluate(keyAuthentication, List.of(), TODAY).of(rule)).singleElement()
                .satisfies(v -> assertThat(v.finding().message()).contains("workspace-key"));
        var noAssociation = without(production,
                r -> r.type().equals("azure-native:insights:DataCollectionRuleAssociation"));
        assertThat(PolicyCheck.evaluate(noAssociation, List.of(), TODAY).of(rule)).singleElement()
                .satisfies(v -> assertThat(v.finding().message()).contains("data collection rule"));
    }

    @Test
    void aVersionNearingItsEndOfSupportIsAdviceFromNinetyDaysBefore() {
        var production = PolicyTargetsOfStages.of("prod");
        var rule = Rules.byId("PI-LIFE-001").orElseThrow();
        var lastDay = lastDayOfClusterVersion(production);
        assertThat(PolicyCheck.evaluate(production.on(lastDay.minusDays(VersionSupport.WARNING_DAYS)), List.of(),
                lastDay.minusDays(VersionSupport.WARNING_DAYS)).of(rule)).as("exactly 90 days before").isEmpty();
        var day = lastDay.minusDays(VersionSupport.WARNING_DAYS - 1);
        var verdict = PolicyCheck.evaluate(production.on(day), List.of(), day);
        assertThat(verdict.of(rule)).isNotEmpty().allSatisfy(v -> {
            assertThat(v.finding().message()).contains(lastDay.toString(), "89 days");
            assertThat(v.failsTheGate()).isFalse();
        });
        assertThat(verdict.passes()).isTrue();
    }

    /** Per rule, rule lists that open the resource to the internet without spelling 0.0.0.0/0. */
    static Stream<Arguments> openToTheInternetSpelledOtherwise() {
        var halves = List.of("0.0.0.0/1", "128.0.0.0/1");
        return Stream.of(
                open("PI-AKS-004", "two halves", t -> authorized(t, halves)),
                open("PI-AKS-004", "a prefix shorter than /8", t -> authorized(t, List.of("203.0.113.0/24", "16.0.0.0/7"))),
                open("PI-AKS-004", "host bits set", t -> authorized(t, List.of("1.2.3.4/0"))),
                open("PI-AKS-004", "a wildcard", t -> authorized(t, List.of("*.*.*.*"))),
                open("PI-AKS-004", "a mask", t -> authorized(t, List.of("0.0.0.0/0.0.0.0"))),
                open("PI-KV-005", "two halves", t -> vaultRules(t, halves)),
                open("PI-KV-005", "the unspecified address", t -> vaultRules(t, List.of("0.0.0.0"))),
                open("PI-ST-004", "two halves", t -> storageRules(t, halves)),
                open("PI-ST-004", "a service tag", t -> storageRules(t, List.of("Internet"))),
                open("PI-NET-002", "two halves as source prefixes", t -> inboundFrom(t, Map.of("sourceAddressPrefixes", halves))),
                open("PI-NET-002", "a prefix and a list", t -> inboundFrom(t, Map.of("sourceAddressPrefix", "0.0.0.0/1",
                        "sourceAddressPrefixes", List.of("128.0.0.0/1")))),
                open("PI-NET-002", "IPv6 everywhere", t -> inboundFrom(t, Map.of("sourceAddressPrefix", "::/0"))),
                open("PI-PG-008", "every address but the ends", t -> firewallRule(t, "0.0.0.1", "255.255.255.254")),
                open("PI-PG-008", "every Azure customer", t -> firewallRule(t, "0.0.0.0", "0.0.0.0")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("openToTheInternetSpelledOtherwise")
    void theGateJudgesWhatARuleListCoversNotHowItIsSpelled(String id, String how, UnaryOperator<PolicyTarget> open) {
        var rule = Rules.byId(id).orElseThrow();
        var variant = open.apply(PolicyTargetsOfStages.of("prod"));
        assertThat(PolicyCheck.evaluate(variant, List.of(), TODAY).of(rule)).as(how).singleElement()
                .satisfies(v -> assertThat(v.finding().message()).contains("internet"));
    }

    @Test
    void namedRangesPassTheGate() {
        var named = List.of("203.0.113.0/24", "198.51.100.16/28");
        var production = PolicyTargetsOfStages.of("prod");
        var variants = Map.of("PI-AKS-004", authorized(production, named), "PI-KV-005", vaultRules(production, named),
                "PI-ST-004", storageRules(production, named),
                "PI-NET-002", inboundFrom(production, Map.of("sourceAddressPrefixes", named)),
                "PI-PG-008", firewallRule(production, "203.0.113.1", "203.0.113.9"));
        variants.forEach((id, variant) -> assertThat(PolicyCheck.evaluate(variant, List.of(), TODAY)
                .of(Rules.byId(id).orElseThrow())).as(id).isEmpty());
        assertThat(PolicyCheck.evaluate(authorized(production, List.of("17.0.0.0/8")), List.of(), TODAY)
                .of(Rules.byId("PI-AKS-004").orElseThrow())).as("one /8 is the limit, not over it").isEmpty();
        assertThat(PolicyCheck.evaluate(inboundFrom(production, Map.of("sourceAddressPrefix", "VirtualNetwork")),
                List.of(), TODAY).of(Rules.byId("PI-NET-002").orElseThrow())).isEmpty();
    }

    private static Arguments open(String id, String how, UnaryOperator<PolicyTarget> variant) {
        return Arguments.of(id, how, variant);
    }

    private static PolicyTarget authorized(PolicyTarget target, List<String> ranges) {
        return withInput(target, CLUSTER, "apiServerAccessProfile.authorizedIPRanges", ranges);
    }

    private static PolicyTarget vaultRules(PolicyTarget target, List<String> ranges) {
        return withInput(withInput(target, VAULT, "properties.publicNetworkAccess", "Enabled"), VAULT,
                "properties.networkAcls.ipRules", ranges.stream().map(r -> Map.of("value", r)).toList());
    }

    private static PolicyTarget storageRules(PolicyTarget target, List<String> ranges) {
        return withInput(withInput(target, STORAGE, "publicNetworkAccess", "Enabled"), STORAGE,
                "networkRuleSet.ipRules", ranges.stream().map(r -> Map.of("iPAddressOrRange", r, "action", "Allow"))
                        .toList());
    }

    private static PolicyTarget inboundFrom(PolicyTarget target, Map<String, Object> sources) {
        var rule = new java.util.HashMap<String, Object>(Map.of("name", "https", "direction", "Inbound",
                "access", "Allow", "destinationPortRange", "443"));
        rule.putAll(sources);
        return withInput(target, "azure-native:network:NetworkSecurityGroup", "securityRules", List.of(rule));
    }

    private static PolicyTarget firewallRule(PolicyTarget target, String start, String end) {
        return with(target, new PolicyResource("azure-native:dbforpostgresql:FirewallRule", "database-clients",
                "urn:pulumi:prod::platform-infra::azure-native:dbforpostgresql:FirewallRule::database-clients",
                Map.of("startIpAddress", start, "endIpAddress", end), false, "", List.of()));
    }

    /** The last day of AKS support of the Kubernetes minor the target's cluster runs. */
    private static LocalDate lastDayOfClusterVersion(PolicyTarget target) {
        var version = target.ofType(AzureResourceType.MANAGED_CLUSTER).get(0).text("kubernetesVersion").orElseThrow();
        return VersionSupport.find(VersionSupport.Product.KUBERNETES, version).orElseThrow().lastDayOfSupport();
    }

    @Test
    void productionRulesAreAdviceInOtherStagesAndProductionOnlyRulesAreNotEvaluatedThere() {
        var development = PolicyTargetsOfStages.of("dev");
        var verdict = PolicyCheck.evaluate(development, List.of(), TODAY);
        assertThat(verdict.passes()).isTrue();
        assertThat(verdict.violations()).isNotEmpty().allSatisfy(v -> {
            assertThat(v.rule().scope()).isEqualTo(Scope.PRODUCTION);
            assertThat(v.mandatory()).isFalse();
        });
        assertThat(verdict.violations()).extracting(v -> v.rule().id()).contains("PI-ST-007", "PI-PG-005")
                .doesNotContain("PI-GOV-001", "PI-GOV-002");
    }

    @Test
    void aWaiverAcceptsItsRuleOnItsResourceUntilItExpires() {
        var lrs = VIOLATIONS.get("PI-ST-007").apply(PolicyTargetsOfStages.of("prod"));
        var waiver = new Waiver("PI-ST-007", "storage-st", "migration to ZRS planned for Q1", TODAY);
        var waived = PolicyCheck.evaluate(lrs, List.of(waiver), TODAY);
        assertThat(waived.passes()).isTrue();
        assertThat(waived.violations()).singleElement().satisfies(v -> assertThat(v.waiver()).contains(waiver));

        var otherResource = new Waiver("PI-ST-007", "other-st", "migration to ZRS planned for Q1", TODAY);
        assertThat(PolicyCheck.evaluate(lrs, List.of(otherResource), TODAY).passes()).isFalse();

        var expired = PolicyCheck.evaluate(lrs, List.of(waiver), TODAY.plusDays(1));
        assertThat(expired.failing()).extracting(v -> v.rule().id())
                .containsExactlyInAnyOrder("PI-ST-007", PolicyCheck.EXPIRED_WAIVER_RULE);
    }
}
