package io.platforminfra.components.aks;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the kubeconfig AKS hands out for Entra ID users into one a pipeline can use.
 *
 * <p>With local accounts disabled, AKS returns an exec kubeconfig that runs {@code kubelogin get-token
 * --login devicecode}: a person typing a code in a browser. The deploying identity has no browser, so the login
 * mode is replaced with the one it uses (for example {@code azurecli}, what an Azure CLI task signed in with
 * workload identity federation provides). Everything else (server, CA, server ID) stays as AKS wrote it, except in
 * {@code msi} mode: there {@code --client-id} names the managed identity to use, and the client ID AKS writes is the
 * public client people sign in with, not an identity on the agent. It is dropped, so kubelogin takes the pool
 * identity's client ID from {@code AZURE_CLIENT_ID} (its UpdateFromEnv lets that variable replace the flag anyway:
 * Azure/kubelogin pkg/internal/token/options.go) or, without it, the agent's only managed identity.
 */
public final class KubeloginKubeconfig {
    private static final String LOGIN_FLAG = "--login";
    private static final String CLIENT_ID_FLAG = "--client-id";
    private static final String MSI = "msi";

    private KubeloginKubeconfig() {
    }

    /**
     * Returns {@code kubeconfigYaml} with every kubelogin user's login mode set to {@code loginMode}.
     *
     * @throws IllegalArgumentException when the kubeconfig has no kubelogin user: then it would not authenticate
     *                                  the way this platform requires, and failing is safer than guessing
     */
    @SuppressWarnings("unchecked")
    public static String withLoginMode(String kubeconfigYaml, String loginMode) {
        var config = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(kubeconfigYaml);
        var users = (List<Map<String, Object>>) config.getOrDefault("users", List.of());
        int rewritten = 0;
        for (var user : users) {
            var spec = (Map<String, Object>) user.get("user");
            var exec = spec == null ? null : (Map<String, Object>) spec.get("exec");
            if (exec != null && String.valueOf(exec.get("command")).endsWith("kubelogin")) {
                exec.put("args", withLogin((List<String>) exec.getOrDefault("args", List.of()), loginMode));
                rewritten++;
            }
        }
        if (rewritten == 0) {
            throw new IllegalArgumentException("The cluster's kubeconfig has no kubelogin user; is Entra ID "
                    + "integration enabled on the cluster?");
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(config);
    }

    private static List<String> withLogin(List<String> args, String loginMode) {
        var result = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            if (LOGIN_FLAG.equals(args.get(i)) || MSI.equals(loginMode) && CLIENT_ID_FLAG.equals(args.get(i))) {
                i++; // skip the flag's value too
            } else if (!args.get(i).startsWith(LOGIN_FLAG + "=")
                    && !(MSI.equals(loginMode) && args.get(i).startsWith(CLIENT_ID_FLAG + "="))) {
                result.add(args.get(i));
            }
        }
        result.add(LOGIN_FLAG);
        result.add(loginMode);
        return result;
    }
}
