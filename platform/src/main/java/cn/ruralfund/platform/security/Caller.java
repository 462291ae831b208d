package cn.ruralfund.platform.security;

import cn.ruralfund.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.stream.Stream;

/** Who is calling: the verified bearer token, read the same way in every service. */
@RequestScoped
public class Caller {

    public static final String ENTERPRISE_CLAIM = "enterprise";
    public static final String TOWNSHIP_CLAIM = "township";
    /** The county (县/县级市, e.g. 景洪市) whose programs an official works on; {@link #EVERY_COUNTY} for a provincial office. */
    public static final String COUNTY_CLAIM = "county";
    public static final String EVERY_COUNTY = "*";

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

    /** The county named by the caller's token ({@code "*"}: every county). */
    public Optional<String> county() {
        return Optional.ofNullable(token.<String>getClaim(COUNTY_CLAIM));
    }

    /**
     * Whether the caller may see and act on a county's programs. Officials (辖区): only the county their token names, or
     * every county with {@code "*"}; a token without the claim sees none (fails closed). Enterprises and township
     * assistants are scoped by their own claims (credit code, township), checked where their data is read.
     */
    public boolean oversees(String county) {
        return overseesEveryCounty() || county.equals(token.getClaim(COUNTY_CLAIM));
    }

    /** True for a provincial official ({@code "*"}) and for callers who are not officials (checked by their own scope). */
    public boolean overseesEveryCounty() {
        boolean official = Stream.of(Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR)
                .anyMatch(this::is);
        return !official || EVERY_COUNTY.equals(token.getClaim(COUNTY_CLAIM));
    }

    /** Refuses (403) what belongs to a county the caller does not oversee. */
    public void checkCounty(String county) {
        if (!oversees(county)) {
            throw ProblemException.forbidden("this belongs to " + county + "'s program; your token is for " + county().orElse("no county"));
        }
    }
}
