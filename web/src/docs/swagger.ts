// Swagger UI from the pinned swagger-ui-dist package, bundled with the page: /docs works without internet.
import "swagger-ui-dist/swagger-ui.css";
import "./docs.css";
import SwaggerUIBundle from "swagger-ui-dist/swagger-ui-bundle.js";

SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // No call to the public validator badge service.
  validatorUrl: null,
});
