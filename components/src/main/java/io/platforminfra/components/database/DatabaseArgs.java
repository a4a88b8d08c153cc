package io.platforminfra.components.database;

import io.platforminfra.structure.SecretText;
import com.pulumi.core.Output;
import io.platforminfra.components.common.Placement;
import io.platforminfra.components.common.Problem;
import io.platforminfra.components.common.Problems;
import io.platforminfra.components.common.Validatable;
import io.platforminfra.components.common.Adoption;
import io.platforminfra.azure.AzureResourceKind;
import lombok.Builder;
import lombok.NonNull;
import lombok.Value;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of a {@link Database} component.
 */
@Value
@Builder
public class DatabaseArgs implements Validatable {
    /** Resource group, region, naming, tags and tenant. Required. */
    @NonNull
    Placement placement;

    /** Resource ID of the subnet delegated to {@code Microsoft.DBforPostgreSQL/flexibleServers}. Required. */
    @NonNull
    Output<String> delegatedSubnetId;

    /** Resource ID of the virtual network the server's private DNS zone is linked to. Required. */
    @NonNull
    Output<String> virtualNetworkId;

    /** Resource ID of the Log Analytics workspace that receives the server's logs. Required. */
    @NonNull
    Output<String> logAnalyticsWorkspaceId;

    /** Server settings. Required: at least the Entra ID admin group must be chosen. */
    @NonNull
    DatabaseSettings settings;

    /**
     * Password of {@link DatabaseSettings#getAdministratorLogin()}; must be a secret Output. Required exactly
     * when password authentication is on; default: none.
     */
    @Nullable
    Output<String> administratorPassword;

    /** Problems of the settings, and a password given without password authentication or missing with it. */
    @Override
    public List<Problem> problems() {
        var problems = new Problems();
        problems.check(settings.isPasswordAuth() == (administratorPassword != null), "administratorPassword",
                administratorPassword == null ? null : SecretText.MARK,
                settings.isPasswordAuth() ? "be given when passwordAuth is true"
                        : "not be given when passwordAuth is false");
        var all = new ArrayList<>(settings.problems());
        all.addAll(adoption().problems());
        all.addAll(problems.list());
        return all;
    }

    /**
     * Resource ID of an existing PostgreSQL flexible server to adopt (Pulumi {@code import}) instead of creating one; it keeps its
     * Azure name, every other setting must match it. Default: none (create it).
     */
    @Nullable
    String adoptResourceId;

    /** Whether the component creates its PostgreSQL flexible server or adopts an existing one. */
    public Adoption adoption() {
        return Adoption.of(adoptResourceId, AzureResourceKind.POSTGRESQL_SERVER);
    }
}
