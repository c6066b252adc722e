package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mlplatform.e2e.Platform.as;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The portal in headless Chromium, signed in through Keycloak's own page. */
@Tag("e2e")
@Order(2)
class PortalE2ETest {

    @Test
    void shouldSignAliceInAndShowHerTenant(TestInfo test) throws Exception {
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");

                browser.text("Acme Corp");
                browser.awaitTrue(
                        "the URL names tenant acme", d -> d.getCurrentUrl().contains("/t/acme/"));
                assertThat(browser.driver.getPageSource()).doesNotContain("Admin");
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
    }

    @Test
    void shouldLetAnAdminCreateAndSuspendATenant(TestInfo test) throws Exception {
        String slug = Platform.unique("umbrella");
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("admin", "admin");
                browser.driver.get(Platform.PORTAL + "/admin/tenants");

                browser.element(By.id("create-tenant")).click();
                browser.element(By.cssSelector("#tenant-slug input")).sendKeys(slug);
                browser.element(By.cssSelector("#tenant-name input")).sendKeys("Umbrella Corp");
                browser.element(By.cssSelector("#tenant-owner input")).sendKeys("bob");
                browser.element(By.id("tenant-create")).click();

                browser.element(By.id("suspend-" + slug)).click();
                browser.element(By.id("confirm-status")).click();
                browser.element(By.id("reactivate-" + slug));
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
        as("admin")
                .get("/api/v1/admin/tenants/" + slug)
                .then()
                .statusCode(200)
                .body("name", equalTo("Umbrella Corp"))
                .body("status", equalTo("SUSPENDED"));
        as("bob").get("/api/v1/tenants/" + slug + "/members").then().statusCode(403);
    }

    @Test
    void shouldSignOutThroughKeycloak(TestInfo test) throws Exception {
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("bob", "bob");
                browser.text("Globex");

                browser.element(By.xpath("//vaadin-button[normalize-space(.)='Sign out']")).click();

                browser.awaitTrue(
                        "back on Keycloak's sign-in page",
                        d -> !d.findElements(By.id("kc-login")).isEmpty());
                browser.driver.get(Platform.PORTAL);
                browser.element(By.id("kc-login"));
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
    }

    @Test
    void shouldUploadAModelVersionAndShowItReady(TestInfo test) throws Exception {
        String model = RegistryE2ETest.createModel("acme", "alice");
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");
                browser.driver.get(Platform.PORTAL + "/t/acme/models/" + model);

                WebElement upload = browser.element(By.id("version-upload"));
                WebElement file =
                        upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
                file.sendKeys(
                        RegistryE2ETest.MODELS
                                .resolve("tiny-mlp.onnx")
                                .toAbsolutePath()
                                .toString());

                browser.awaitTrue(
                        "the upload's progress entry",
                        d ->
                                !d.findElements(By.tagName("vaadin-upload-file")).isEmpty()
                                        || !d.findElements(
                                                        By.cssSelector(
                                                                ".status-VALIDATING, .status-READY"))
                                                .isEmpty());
                browser.awaitTrue(
                        "version 1 to turn READY without a reload",
                        d -> !d.findElements(By.cssSelector(".status-READY")).isEmpty());
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
        as("alice")
                .get("/api/v1/tenants/acme/models/" + model + "/versions/1")
                .then()
                .statusCode(200)
                .body("status", equalTo("READY"));
    }

    @Test
    void shouldSubmitATrainingJobAndDrawItsChartLive(TestInfo test) throws Exception {
        String dataset = TrainingE2ETest.uploadCsv(Platform.unique("portal-blobs"), 20_000);
        try (Browser browser = new Browser()) {
            try {
                browser.signIn("alice", "alice");
                browser.driver.get(Platform.PORTAL + "/t/acme/training/new?dataset=" + dataset);
                browser.awaitTrue(
                        "the label column proposed from the dataset's profile",
                        d ->
                                "label"
                                        .equals(
                                                d.findElement(By.cssSelector("#job-label input"))
                                                        .getDomProperty("value")));

                WebElement submit = browser.element(By.id("job-submit"));
                ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                        .executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
                submit.click();

                browser.awaitTrue(
                        "the job's page",
                        d -> d.getCurrentUrl().matches(".*/t/acme/training/[0-9a-f-]{36}$"));
                String url = browser.driver.getCurrentUrl();
                browser.awaitTrue("the first epoch on the loss chart", d -> lossPoints(d) >= 1);
                long first = lossPoints(browser.driver);
                browser.awaitTrue(
                        "more epochs on the chart without a reload", d -> lossPoints(d) > first);
                assertThat(browser.driver.getCurrentUrl()).isEqualTo(url);
                browser.awaitTrue(
                        "the job to succeed and link its model version",
                        d -> !d.findElements(By.id("job-result-link")).isEmpty());
            } finally {
                browser.screenshot(test.getDisplayName());
            }
        }
    }

    /** Points of the first series (training loss) that the chart element holds. */
    private static long lossPoints(org.openqa.selenium.WebDriver driver) {
        Object count =
                ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                                "const c = document.getElementById('loss-chart');"
                                        + " const s = c && c.series;"
                                        + " const list = typeof s === 'string' ? JSON.parse(s) : s;"
                                        + " return list && list.length ? list[0].points.length : 0;");
        return ((Number) count).longValue();
    }
}
