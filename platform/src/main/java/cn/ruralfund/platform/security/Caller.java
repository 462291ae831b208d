package cn.ruralfund.platform.security;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling: the verified bearer token, read the same way in every service. */
@RequestScoped
public class Caller {

    public static final String ENTERPRISE_CLAIM = "enterprise";
    public static final String TOWNSHIP_CLAIM = "township";

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The principal name for the audit trail ({@code upn}, else {@code sub}); "anonymous" without a token. */
    public String name() {
        String name = token.getName();
        return name == null ? "anonymous" : name;
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The unified social credit code of the calling enterprise, if the caller is one. */
    public Optional<String> enterprise() {
        return Optional.ofNullable(token.<String>getClaim(ENTERPRISE_CLAIM));
    }

    public Optional<String> township() {
        return Optional.ofNullable(token.<String>getClaim(TOWNSHIP_CLAIM));
    }
}
