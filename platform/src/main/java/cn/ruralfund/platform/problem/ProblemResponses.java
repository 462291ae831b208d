package cn.ruralfund.platform.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes into every service's OpenAPI document what can go wrong, so that a portal developer sees it: every operation
 * answers errors as {@code application/problem+json} ({@link Problem}), 401 and 403 where a role is needed, 400 for
 * malformed or invalid input on writes, 404 for an unknown id in the path, 409 for a conflict (a duplicate, a state
 * that no longer allows it, a concurrent change) and 422 for a rule of the program (the {@code type} names it, e.g.
 * {@code https://ruralfund.cn/problems/r7-pre-disbursement-cap}). Responses an operation documents itself are kept.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                document(operation, method.name(), path.contains("{"))));
    }

    private static void document(Operation operation, String method, boolean hasPathId) {
        Map<String, String> responses = new LinkedHashMap<>();
        boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        if (write) {
            responses.put("400", "Malformed JSON or invalid fields (problem type malformed-json or invalid-fields, each field listed)");
        }
        if (operation.getSecurity() != null || write || hasPathId) {
            responses.put("401", "A valid bearer token is required (unauthorized)");
            responses.put("403", "The caller's role, enterprise, township or county (辖区) may not do this (forbidden)");
        }
        if (hasPathId) {
            responses.put("404", "Nothing with that id, or not visible to the caller (not-found)");
        }
        if (write) {
            responses.put("409", "A conflict: a duplicate (duplicate/<constraint>), a state that no longer allows it, or a concurrent change (concurrent-update)");
            responses.put("422", "A rule of the program refuses it; the problem type names the rule (e.g. r7-pre-disbursement-cap)");
        }
        APIResponses documented = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        responses.forEach((code, description) -> {
            if (documented.getAPIResponse(code) == null) {
                documented.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)))));
            }
        });
        operation.setResponses(documented);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type is a stable URI per rule, https://ruralfund.cn/problems/<slug>")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(OASFactory.createSchema()
                        .addType(Schema.SchemaType.OBJECT).addProperty("field", string).addProperty("message", string)));
    }
}
