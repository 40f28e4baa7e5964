import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * Serves the OpenAPI document at /api/docs-json and the UI at /api/docs. Both are outside the
 * Nest router, so the global auth guard does not apply to them (they are public by design).
 */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Fleet API')
    .setDescription(
      'Sites, BMS strings and their latest telemetry for one tenant. Every route except health, ' +
        'login and these docs needs `Authorization: Bearer <token>` from POST /api/auth/login.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { useGlobalPrefix: true, jsonDocumentUrl: 'docs-json' });
}
