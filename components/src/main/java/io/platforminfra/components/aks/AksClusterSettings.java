package io.platforminfra.components.aks;

import io.platforminfra.components.common.IpRanges;
import io.platforminfra.components.common.Problem;
import io.platforminfra.components.common.Problems;
import io.platforminfra.components.common.Validatable;
import io.platforminfra.components.common.ObjectIds;
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
public class AksClusterSettings implements Validatable {
    /** Upgrade channels AKS offers; see {@link #upgradeChannel}. */
    public static final List<String> UPGRADE_CHANNELS = List.of("patch", "stable", "rapid", "node-image");
    /** SKU tiers; see {@link #skuTier}. */
    public static final List<String> SKU_TIERS = List.of("Free", "Standard", "Premium");
    /** kubelogin login modes that a pipeline identity can use without a person present. */
    public static final List<String> KUBELOGIN_MODES = List.of("azurecli", "workloadidentity", "spn", "msi");
    /** Namespaces the platform owns or Kubernetes reserves; applications get their own. */
    public static final Set<String> RESERVED_NAMESPACES =
            Set.of("default", "kube-system", "kube-public", "kube-node-lease", "gatekeeper-system");

    private static final Pattern MINOR_VERSION = Pattern.compile("1\\.\\d{1,2}");
    private static final Pattern POOL_NAME = Pattern.compile("[a-z][a-z0-9]{0,11}");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /**
     * Kubernetes minor version, such as {@code 1.33}. Default {@code 1.33}. Only major.minor: with the
     * {@code patch} channel AKS applies patches itself, and a pinned patch version would fight it on every run.
     */
    @Builder.Default
    String kubernetesVersion = "1.33";

    /**
     * Control-plane tier: {@code Free}, {@code Standard} or {@code Premium}. Default {@code Standard}, the tier
     * with an uptime SLA; {@code Free} is for stages where an outage costs nothing.
     */
    @Builder.Default
    String skuTier = "Standard";

    /** The system node pool. Default: {@link SystemPoolSettings#defaults()}. */
    @Builder.Default
    SystemPoolSettings systemPool = SystemPoolSettings.defaults();

    /** Autoscaling pools for applications, at least one. Default: one pool {@code apps}, 1 to 3 nodes. */
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

    /** Automatic upgrade channel: patch, stable, rapid or node-image. Default {@code patch}. */
    @Builder.Default
    String upgradeChannel = "patch";

    /**
     * How the deploying identity logs in to the cluster (kubelogin's {@code --login}): azurecli, workloadidentity,
     * spn or msi. Default {@code azurecli}, what an Azure CLI pipeline task signed in with workload identity
     * federation provides.
     */
    @Builder.Default
    String kubeloginMode = "azurecli";

    /** Range of Kubernetes service IPs; must not overlap the VNet. Default {@code 172.16.0.0/16}. */
    @Builder.Default
    String serviceCidr = "172.16.0.0/16";

    /** Range of pod IPs (Azure CNI overlay); must not overlap the VNet. Default {@code 192.168.0.0/16}. */
    @Builder.Default
    String podCidr = "192.168.0.0/16";

    /** The cluster DNS service's address: the tenth address of {@link #serviceCidr}. */
    public String dnsServiceIp() {
        var base = serviceCidr.substring(0, serviceCidr.indexOf('/'));
        return base.substring(0, base.lastIndexOf('.') + 1) + "10";
    }

    @Override
    public List<Problem> problems() {
        var problems = new Problems();
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
        problems.each("authorizedIpRanges", authorizedIpRanges, IpRanges::isIpv4AddressOrRange,
                "be an IPv4 address or CIDR range");
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
        problems.oneOf("kubeloginMode", kubeloginMode, KUBELOGIN_MODES);
        checkClusterRanges(problems);
        return problems.list();
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
