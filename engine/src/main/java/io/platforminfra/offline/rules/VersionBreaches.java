package io.platforminfra.offline.rules;

import io.platforminfra.azure.VersionSupport;
import io.platforminfra.offline.RegisteredResource;

import java.time.LocalDate;
import java.util.List;

/** The one way the rules judge a version input against the dated table, for clusters, pools and servers alike. */
final class VersionBreaches {
    private VersionBreaches() {
    }

    /** A breach when the version at {@code path} cannot be deployed on {@code day}; none when it can or is unset. */
    static List<AzureRule.Breach> of(RegisteredResource resource, String path, VersionSupport.Product product,
                                     LocalDate day) {
        return Inputs.text(resource, path)
                .flatMap(version -> VersionSupport.refusal(product, version, day)
                        .map(why -> List.of(new AzureRule.Breach(path, version, "it must " + why))))
                .orElse(List.of());
    }
}
