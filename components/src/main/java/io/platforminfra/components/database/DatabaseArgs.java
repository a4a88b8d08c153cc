package io.platforminfra.components.database;

import com.pulumi.core.Output;
import io.platforminfra.components.base.MonitoredComponentArgs;
import io.platforminfra.components.validation.Problem;
import io.platforminfra.components.validation.Problems;
import io.platforminfra.structure.SecretText;
import lombok.Getter;
import lombok.NonNull;
import lombok.experimental.SuperBuilder;

import javax.annotation.Nullable;
import java.util.List;

/**
 * Inputs of a {@link Database} component: placement, workspace and adoption ({@link MonitoredComponentArgs}), plus
 * the delegated subnet, the network its DNS zone is linked to, and the password when password authentication is on.
 */
@Getter
@SuperBuilder
public final class DatabaseArgs extends MonitoredComponentArgs {
    /** Resource ID of the subnet delegated to {@code Microsoft.DBforPostgreSQL/flexibleServers}. Required. */
    @NonNull
    private final Output<String> delegatedSubnetId;

    /** Resource ID of the virtual network the server's private DNS zone is linked to. Required. */
    @NonNull
    private final Output<String> virtualNetworkId;

    /** Server settings. Required: at least the Entra ID admin group must be chosen. */
    @NonNull
    private final DatabaseSettings settings;

    /**
     * Password of {@link DatabaseSettings#getAdministratorLogin()}; must be a secret Output. Required exactly
     * when password authentication is on; default: none.
     */
    @Nullable
    private final Output<String> administratorPassword;

    /** A password given without password authentication, or missing with it. */
    @Override
    protected List<Problem> ownProblems() {
        var password = new Problems();
        password.check(settings.isPasswordAuth() == (administratorPassword != null), "administratorPassword",
                administratorPassword == null ? null : SecretText.MARK,
                settings.isPasswordAuth() ? "be given when passwordAuth is true"
                        : "not be given when passwordAuth is false");
        return password.list();
    }
}
