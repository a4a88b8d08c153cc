package io.platforminfra.components.aks;

import io.platforminfra.azure.AzureRegions;
import com.pulumi.azurenative.containerservice.enums.ManagedClusterSKUTier;
import com.pulumi.azurenative.containerservice.enums.UpgradeChannel;
import io.platforminfra.azure.IpRanges;
import io.platforminfra.components.validation.Choice;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.components.validation.Settings;
import io.platforminfra.components.validation.ObjectIds;
import lombok.Builder;
import lombok.Singular;
import lombok.Value;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of an AKS cluster. Everything security-relevant is on and not configurable here (Entra ID with Azure
 * RBAC, local accounts off, workload identity, network policy, Azure Policy); what a stage chooses is size, tier,
 * reachability of the API server and who administers it.
 */
@Value
@Builder(toBuilder = true)
public class AksClusterSettings implements Settings {
    /** Upgrade channels AKS offers; see {@link #upgradeChannel}. */
    public static final Choice<UpgradeChannel> UPGRADE_CHANNELS = new Choice<>(List.of(UpgradeChannel.Patch,
            UpgradeChannel.Stable, UpgradeChannel.Rapid, UpgradeChannel.Nodeimage), UpgradeChannel::getValue);
    /** SKU tiers; see {@link #skuTier}. */
    public static final Choice<ManagedClusterSKUTier> SKU_TIERS = new Choice<>(List.of(ManagedClusterSKUTier.Free,
            ManagedClusterSKUTier.Standard, ManagedClusterSKUTier.Premium), ManagedClusterSKUTier::getValue);
    /** Upgrade channels with which AKS moves the cluster to a newer minor by itself. */
    public static final Set<UpgradeChannel> MINOR_UPGRADING_CHANNELS =
            Set.of(UpgradeChannel.Stable, UpgradeChannel.Rapid);
    /** Effects the pod security baseline assignment may have; see {@link #podSecurityBaseline}. */
    public static final Choice<PodSecurityEffect> POD_SECURITY_EFFECTS =
            new Choice<>(List.of(PodSecurityEffect.values()), Choice::lowercase);
    /** kubelogin login modes that a pipeline identity can use without a person present; see {@link #kubeloginMode}. */
    public static final Choice<KubeloginMode> KUBELOGIN_MODES =
            new Choice<>(List.of(KubeloginMode.values()), Choice::lowercase);
    /** Namespaces the platform owns or Kubernetes reserves; applications get their own. */
    public static final Set<String> RESERVED_NAMESPACES =
            Set.of("default", "kube-system", "kube-public", "kube-node-lease", "gatekeeper-system");

    private static final Pattern MINOR_VERSION = Pattern.compile("1\\.\\d{1,2}");
    private static final Pattern POOL_NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /**
     * Kubernetes minor version, such as {@code 1.36}. Default {@code 1.36}, in AKS standard support until
     * 2027-06-30 (docs/versions.md). Only major.minor: "When &lt;major.minor&gt; is specified, the latest supported GA
     * patch version is chosen automatically" (managedClusters API 2023-04-01), and with the {@code patch} channel
     * AKS applies patches itself. With {@code stable} or {@code rapid} AKS moves the minor itself, so this is the
     * minor the cluster is created with and later changes are ignored (see {@link #upgradeChannel}).
     */
    @Builder.Default
    String kubernetesVersion = "1.36";

    /**
     * Control-plane tier: {@code Free}, {@code Standard} or {@code Premium}. Default {@code Standard}, the tier
     * with an uptime SLA; {@code Free} is for stages where an outage costs nothing.
     */
    @Builder.Default
    String skuTier = "Standard";

    /**
     * The system node pool, tainted {@code CriticalAddonsOnly} so only system pods run there. Default: each of its
     * fields' defaults.
     */
    @Builder.Default
    SystemPoolSettings systemPool = SystemPoolSettings.defaults();

    /**
     * Autoscaling pools for applications, at least one. Each is created with {@code minCount} nodes; afterwards the
     * autoscaler owns the count. Default: one pool {@code apps}, 1 to 3 nodes.
     */
    @Builder.Default
    List<UserPoolSettings> userPools = List.of(UserPoolSettings.builder().name("apps").build());

    /**
     * IPv4 ranges allowed to reach the API server. Default: none, which is only valid with {@link #privateCluster}:
     * an API server open to the whole internet is refused (Azure security benchmark NS-2).
     */
    @Singular
    List<String> authorizedIpRanges;

    /** Whether the API server has only a private address in the VNet. Default {@code false}. */
    @Builder.Default
    boolean privateCluster = false;

    /** Entra ID groups (object IDs) that administer the cluster. Required: at least one. */
    @Singular
    List<String> adminGroupObjectIds;

    /**
     * Application namespaces to create, each with a service account {@code workload} bound to its own managed
     * identity by workload identity. Default: none.
     */
    @Singular
    List<String> namespaces;

    /**
     * Automatic upgrade channel: patch, stable, rapid or node-image. Default {@code patch}: AKS applies patches of
     * {@link #kubernetesVersion}'s minor, and a minor upgrade is a reviewed change of {@link #kubernetesVersion}
     * (one minor at a time). With {@code stable} or {@code rapid} AKS upgrades minors by itself; the program then
     * ignores later changes of {@link #kubernetesVersion}, because sending the old minor again would ask AKS for a
     * downgrade, which it refuses. Upgrades start only in {@link #maintenanceWindow}.
     */
    @Builder.Default
    String upgradeChannel = "patch";

    /** When AKS may run the upgrades of {@link #upgradeChannel}. Default: Sundays 02:00 UTC, 4 hours. */
    @Builder.Default
    MaintenanceWindowSettings maintenanceWindow = MaintenanceWindowSettings.defaults();

    /**
     * Availability zones every node pool spreads across. Default: every zone of the stage's region (1, 2 and 3), or
     * none in a region without zones. Zones cannot be added to or removed from an existing pool ("You can't change
     * the number of availability zones after you create a node pool", aks/reliability-availability-zones-configure.md):
     * changing this replaces the pools.
     */
    List<String> availabilityZones;

    /**
     * Microsoft Defender for Containers' sensor on the nodes, reporting to the stage's workspace. Default
     * {@code true}; the subscription's Defender for Containers plan is turned on by scripts/bootstrap.sh. A
     * development stage may set {@code false} to save its per-core cost (policy advice PI-AKS-014; production
     * stages require it).
     */
    @Builder.Default
    boolean defender = true;

    /**
     * Effect of the Azure Policy assignment of the built-in initiative "Kubernetes cluster pod security baseline
     * standards for Linux-based workloads" on the cluster: {@code deny} (default) refuses privileged pods, host
     * namespaces and the like at admission; {@code audit} only reports them. The Azure Policy add-on enforces only
     * what is assigned. Production stages require {@code deny} (policy PI-AKS-016).
     */
    @Builder.Default
    String podSecurityBaseline = "deny";

    /**
     * How the deploying identity logs in to the cluster (kubelogin's {@code --login}): azurecli, workloadidentity,
     * spn or msi. Default {@code msi}: pipeline jobs run on the Managed DevOps Pools as the pool's user-assigned
     * managed identity, and kubelogin's msi mode takes that identity's client ID from {@code AZURE_CLIENT_ID}
     * ("--client-id ... It may be specified in AAD_SERVICE_PRINCIPAL_CLIENT_ID or AZURE_CLIENT_ID environment
     * variable", Azure/kubelogin docs/book/src/cli/get-token.md), which the pipeline sets. {@code azurecli} suits a
     * person's {@code az login}.
     */
    @Builder.Default
    String kubeloginMode = "msi";

    /**
     * Range of Kubernetes service IPs; must not overlap {@link #podCidr} or the network's address space. Default
     * {@code 172.16.0.0/16}.
     */
    @Builder.Default
    String serviceCidr = "172.16.0.0/16";

    /**
     * Range of pod IPs (Azure CNI overlay); must not overlap {@link #serviceCidr} or the network's address space.
     * Default {@code 192.168.0.0/16}.
     */
    @Builder.Default
    String podCidr = "192.168.0.0/16";

    /** The zones of every node pool in {@code region}: those set, or all of the region's. */
    public List<String> zonesIn(String region) {
        return availabilityZones != null ? availabilityZones : AzureRegions.zonesOf(region);
    }

    /** Whether AKS moves the cluster's minor by itself, so the program must not send it again after creation. */
    public boolean upgradesMinorsItself() {
        return UPGRADE_CHANNELS.read(upgradeChannel).filter(MINOR_UPGRADING_CHANNELS::contains).isPresent();
    }

    /** Effect of the pod security baseline assignment: refuse at admission, or only report. */
    public enum PodSecurityEffect {
        /** Refuse privileged pods, host namespaces and the like at admission. */
        DENY,
        /** Only report them. */
        AUDIT
    }

    /** kubelogin's {@code --login} modes that need no person present. */
    public enum KubeloginMode {
        /** A person's or job's {@code az login}. */
        AZURECLI,
        /** A federated workload identity token. */
        WORKLOADIDENTITY,
        /** A service principal with secret or certificate. */
        SPN,
        /** A managed identity, such as the pipeline pool's. */
        MSI
    }

    /** The cluster DNS service's address: the tenth address of {@link #serviceCidr}. */
    public String dnsServiceIp() {
        var base = serviceCidr.substring(0, serviceCidr.indexOf('/'));
        return base.substring(0, base.lastIndexOf('.') + 1) + "10";
    }

    @Override
    public void check(Problems problems) {
        problems.check(kubernetesVersion != null && MINOR_VERSION.matcher(kubernetesVersion).matches(),
                "kubernetesVersion", kubernetesVersion, "be a minor version such as 1.33 (no patch number)");
        problems.oneOf("skuTier", skuTier, SKU_TIERS);
        problems.check(systemPool.getVmSize() != null && !systemPool.getVmSize().isBlank(),
                "systemPool.vmSize", systemPool.getVmSize(), "name a VM size such as Standard_D4ds_v5");
        problems.inRange("systemPool.count", systemPool.getCount(), 1, 100);
        checkUserPools(problems);
        if (privateCluster) {
            problems.check(authorizedIpRanges.isEmpty(), "authorizedIpRanges", authorizedIpRanges,
                    "be empty when privateCluster is true (a private API server has no public ranges)");
        } else {
            problems.check(!authorizedIpRanges.isEmpty(), "authorizedIpRanges", authorizedIpRanges,
                    "list at least one range when privateCluster is false, or the API server is open to the internet");
        }
        problems.ipRanges("authorizedIpRanges", authorizedIpRanges);
        problems.check(!adminGroupObjectIds.isEmpty(), "adminGroupObjectIds", adminGroupObjectIds,
                "list at least one Entra ID group object ID (nobody could administer the cluster otherwise)");
        problems.each("adminGroupObjectIds", adminGroupObjectIds, ObjectIds::isObjectId, "be an object ID (a GUID)");
        problems.each("namespaces", namespaces, n -> n != null && DNS_LABEL.matcher(n).matches(),
                "be a DNS label: lowercase letters, digits and hyphens, at most 63 characters");
        problems.each("namespaces", namespaces, n -> !RESERVED_NAMESPACES.contains(n),
                "not be a reserved namespace (" + String.join(", ", RESERVED_NAMESPACES.stream().sorted().toList()) + ")");
        problems.check(new HashSet<>(namespaces).size() == namespaces.size(), "namespaces", namespaces,
                "not list a namespace twice");
        problems.oneOf("upgradeChannel", upgradeChannel, UPGRADE_CHANNELS);
        maintenanceWindow.problems().forEach(p -> problems.check(false, "maintenanceWindow." + p.field(), p.value(),
                p.expectation()));
        // Checked when left out too (as no zones), so the rules are recorded for the reference.
        var zones = availabilityZones == null ? List.<String>of() : availabilityZones;
        problems.each("availabilityZones", zones, zone -> AzureRegions.ZONES.contains(zone),
                "be one of " + String.join(", ", AzureRegions.ZONES) + " (quoted, so YAML reads it as text)");
        problems.check(new HashSet<>(zones).size() == zones.size(), "availabilityZones", availabilityZones,
                "not list a zone twice");
        problems.oneOf("podSecurityBaseline", podSecurityBaseline, POD_SECURITY_EFFECTS);
        problems.oneOf("kubeloginMode", kubeloginMode, KUBELOGIN_MODES);
        checkClusterRanges(problems);
    }

    private void checkUserPools(Problems problems) {
        problems.check(!userPools.isEmpty(), "userPools", userPools, "list at least one pool for applications");
        var names = new HashSet<String>();
        for (int i = 0; i < userPools.size(); i++) {
            var pool = userPools.get(i);
            var field = "userPools[" + i + "]";
            problems.check(pool.getName() != null && POOL_NAME.matcher(pool.getName()).matches() && !"system".equals(pool.getName()),
                    field + ".name", pool.getName(),
                    "be 1-12 lowercase letters and digits starting with a letter, and not 'system'");
            problems.check(pool.getName() == null || names.add(pool.getName()), field + ".name", pool.getName(),
                    "be unique among the user pools");
            problems.check(pool.getVmSize() != null && !pool.getVmSize().isBlank(), field + ".vmSize", pool.getVmSize(),
                    "name a VM size such as Standard_D4ds_v5");
            problems.inRange(field + ".minCount", pool.getMinCount(), 0, 1000);
            problems.inRange(field + ".maxCount", pool.getMaxCount(), 1, 1000);
            problems.check(pool.getMaxCount() >= pool.getMinCount(), field + ".maxCount", pool.getMaxCount(),
                    "be at least minCount (" + pool.getMinCount() + ")");
        }
    }

    private void checkClusterRanges(Problems problems) {
        var serviceOk = problems.check(validRange(serviceCidr), "serviceCidr", serviceCidr,
                "be a private IPv4 range in CIDR notation, /12 to /24");
        var podOk = problems.check(validRange(podCidr), "podCidr", podCidr,
                "be a private IPv4 range in CIDR notation, /12 to /24");
        if (serviceOk && podOk) {
            problems.check(!IpRanges.overlap(serviceCidr, podCidr), "podCidr", podCidr,
                    "not overlap serviceCidr (" + serviceCidr + ")");
        }
    }

    private static boolean validRange(String cidr) {
        return IpRanges.isPrivateRange(cidr, 12, 24);
    }
}
