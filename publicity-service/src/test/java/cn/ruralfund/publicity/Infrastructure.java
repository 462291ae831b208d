package cn.ruralfund.publicity;

import cn.ruralfund.platform.testing.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real broker and database for every test of this module (started once per run). */
@QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publicity"))
public class Infrastructure {
}
