package dev.pryx.provider;

import java.util.List;

/**
 * Which scopes may read which credentials, stored in the vault (collection {@code policy}, id
 * {@code default}). A read is allowed when a rule names its scope ({@code *} for any action of a
 * component is written {@code component:*}) and the credential (or {@code *}).
 */
public record AccessPolicy(List<Rule> rules) {
    /** One grant: a scope pattern and the credentials it may read. */
    public record Rule(String scope, List<String> credentials) {
    }

    /**
     * Without a stored policy: the tester, the model lister and the model-calling orchestrator
     * read provider keys; nothing else does.
     */
    public static AccessPolicy defaults() {
        return new AccessPolicy(List.of(
                new Rule(Scope.PROVIDER_TEST.toString(), List.of("*")),
                new Rule(Scope.MODEL_LIST.toString(), List.of("*")),
                new Rule(Scope.LLM_INVOKE.toString(), List.of("*"))));
    }

    public boolean allows(Scope scope, String credential) {
        for (Rule r : rules) {
            boolean scopeMatches = r.scope().equals(scope.toString())
                    || r.scope().equals(scope.component() + ":*");
            if (scopeMatches && (r.credentials().contains("*") || r.credentials().contains(credential))) {
                return true;
            }
        }
        return false;
    }
}
