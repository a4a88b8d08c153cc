package io.platforminfra.policy;

import java.util.List;

import static io.platforminfra.azure.AzureResourceType.BLOB_CONTAINER;
import static io.platforminfra.azure.AzureResourceType.BLOB_SERVICE;
import static io.platforminfra.azure.AzureResourceType.STORAGE_ACCOUNT;
import static io.platforminfra.policy.RuleChecks.each;
import static io.platforminfra.policy.RuleChecks.publicAccessLimited;
import static io.platforminfra.policy.RuleSources.MCSB;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT;
import static io.platforminfra.policy.RuleSources.OPEN_LIMIT_SOURCE;
import static io.platforminfra.policy.RuleSources.RELIABILITY;
import static io.platforminfra.policy.Scope.EVERY_STAGE;
import static io.platforminfra.policy.Scope.PRODUCTION;
import static io.platforminfra.policy.Severity.HIGH;
import static io.platforminfra.policy.Severity.LOW;
import static io.platforminfra.policy.Severity.MEDIUM;

/**
 * The rules of storage accounts, their blob service and containers.
 */
final class StorageRules {
    private static final String ST_BASELINE = "Azure security baseline for Storage (" + MCSB + ")";

    /** The rules, in the order reports and the documentation list them. */
    static final List<Rule> ALL = List.of(
            Rule.builder("PI-ST-001")
                    .checkov("CKV_AZURE_3")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Storage accepts HTTPS only")
                    .rationale("Data in transit is always encrypted.")
                    .source(ST_BASELINE + ", DP-3")
                    .remediation("Built in: ObjectStorage sets enableHttpsTrafficOnly.")
                    .check(each(STORAGE_ACCOUNT, r -> r.is("enableHttpsTrafficOnly", true), "HTTP is allowed"))
                    .build(),
            Rule.builder("PI-ST-002")
                    .checkov("CKV_AZURE_44")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Storage requires TLS 1.2")
                    .rationale("TLS 1.0 and 1.1 have known weaknesses and are retired by Azure.")
                    .source(ST_BASELINE + ", DP-3")
                    .remediation("Built in: ObjectStorage sets minimumTlsVersion TLS1_2.")
                    .check(each(STORAGE_ACCOUNT, r -> r.is("minimumTlsVersion", "TLS1_2"), "TLS older than 1.2 is accepted"))
                    .build(),
            Rule.builder("PI-ST-003")
                    .checkov("CKV_AZURE_190")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Storage allows no anonymous blob access")
                    .rationale("A container made public by mistake publishes its data to everyone.")
                    .source(ST_BASELINE + ", DP-2")
                    .remediation("Built in: ObjectStorage sets allowBlobPublicAccess: false.")
                    .check(each(STORAGE_ACCOUNT, r -> r.is("allowBlobPublicAccess", false), "anonymous blob access is allowed"))
                    .build(),
            Rule.builder("PI-ST-004")
                    .checkov("CKV_AZURE_59")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Storage public network access is off or limited to named ranges")
                    .rationale("An account reachable from the internet depends on its credentials alone.")
                    .source(ST_BASELINE + ", NS-2; " + OPEN_LIMIT_SOURCE)
                    .remediation("Leave storage.allowedIpRanges empty, or list specific ranges (never 0.0.0.0/0, together at most "
                            + OPEN_LIMIT + ").")
                    .check(publicAccessLimited(STORAGE_ACCOUNT, "publicNetworkAccess", "networkRuleSet.ipRules",
                            "iPAddressOrRange"))
                    .build(),
            Rule.builder("PI-ST-005")
                    .checkov("CKV_AZURE_35")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Storage denies network access by default")
                    .rationale("Only the private endpoint, trusted Azure services and named ranges may reach the account.")
                    .source(ST_BASELINE + ", NS-2")
                    .remediation("Built in: ObjectStorage sets networkRuleSet.defaultAction: Deny.")
                    .check(each(STORAGE_ACCOUNT, r -> r.is("networkRuleSet.defaultAction", "Deny"), "the firewall allows by default"))
                    .build(),
            Rule.builder("PI-ST-006")
                    .checkov("CKV2_AZURE_40")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Storage refuses shared key authorization")
                    .rationale("Account keys grant everything, never expire and leave no trace of who used them.")
                    .source(ST_BASELINE + ", IM-1")
                    .remediation("Built in: ObjectStorage sets allowSharedKeyAccess: false.")
                    .check(each(STORAGE_ACCOUNT, r -> r.is("allowSharedKeyAccess", false), "shared keys are accepted"))
                    .build(),
            Rule.builder("PI-ST-007")
                    .checkov("CKV_AZURE_206")
                    .severity(MEDIUM).scope(PRODUCTION)
                    .title("Production storage is replicated beyond one datacenter")
                    .rationale("LRS keeps three copies in one datacenter: a datacenter outage takes the data offline.")
                    .source(RELIABILITY + "; Checkov CKV_AZURE_206")
                    .remediation("Set storage.replication to ZRS, GZRS or RAGZRS.")
                    .check(each(STORAGE_ACCOUNT, r -> r.text("sku.name").filter(s -> !s.endsWith("_LRS")).isPresent(),
                            "locally redundant storage (LRS)"))
                    .build(),
            Rule.builder("PI-ST-008")
                    .checkov("CKV2_AZURE_38")
                    .severity(MEDIUM).scope(EVERY_STAGE)
                    .title("Deleted blobs and containers can be recovered")
                    .rationale("Soft delete turns an accidental or malicious delete into a restore instead of a loss.")
                    .source(ST_BASELINE + ", BR-1")
                    .remediation("Built in: ObjectStorage enables soft delete (storage.softDeleteDays).")
                    .check(each(BLOB_SERVICE, r -> r.is("deleteRetentionPolicy.enabled", true)
                            && r.is("containerDeleteRetentionPolicy.enabled", true), "soft delete is off"))
                    .build(),
            Rule.builder("PI-ST-009")
                    .checkov("CKV_AZURE_34")
                    .severity(HIGH).scope(EVERY_STAGE)
                    .title("Blob containers are private")
                    .rationale("A public container serves its blobs to anyone with the URL.")
                    .source(ST_BASELINE + ", DP-2")
                    .remediation("Built in: ObjectStorage creates containers with publicAccess None.")
                    .check(each(BLOB_CONTAINER, r -> r.text("publicAccess").filter("None"::equals).isPresent(),
                            "the container is public"))
                    .build(),
            Rule.builder("PI-ST-010")
                    .severity(LOW).scope(EVERY_STAGE)
                    .title("Storage does not replicate to other tenants")
                    .rationale("Object replication to another tenant copies data out of the company's control.")
                    .source(ST_BASELINE + ", DP-2")
                    .remediation("Built in: ObjectStorage sets allowCrossTenantReplication: false.")
                    .check(each(STORAGE_ACCOUNT, r -> r.is("allowCrossTenantReplication", false),
                            "cross-tenant replication is allowed"))
                    .build());

    private StorageRules() {
    }
}
