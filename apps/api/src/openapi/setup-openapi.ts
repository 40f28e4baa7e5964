import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document of every controller the app's modules register. Shared by the served
 * document and the generator (apps/api/scripts/openapi.ts), so the checked-in copy and the web
 * app's generated types describe exactly what /api/docs-json serves.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Fleet API')
    .setDescription(
      'Sites, BMS strings and their latest telemetry for one tenant. Every route except health, ' +
        'login and these docs needs `Authorization: Bearer <token>` from POST /api/auth/login.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Serves the OpenAPI document at /api/docs-json and the UI at /api/docs. Both are outside the
 * Nest router, so the global auth guard does not apply to them (they are public by design).
 */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    useGlobalPrefix: true,
    jsonDocumentUrl: 'docs-json',
  });
}
