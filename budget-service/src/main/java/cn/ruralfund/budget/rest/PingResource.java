package cn.ruralfund.budget.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The cheapest endpoint of the service (no token, no database): the ceiling {@code bench/run-all.sh} measures the
 * service's real paths against, on the same port, through the same HTTP stack.
 */
@Path("/ping")
@PermitAll
public class PingResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong";
    }
}
