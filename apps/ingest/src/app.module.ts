import { type DynamicModule, Module } from '@nestjs/common';
import { AlarmsModule } from './alarms/alarms.module.js';
import type { IngestConfig } from './config/ingest-config.js';
import { INGEST_CONFIG } from './config/ingest-config.token.js';
import { DatabaseModule } from './database/database.module.js';
import { EventsModule } from './events/events.module.js';
import { IotBridgeModule } from './iot-bridge/iot-bridge.module.js';
import { LOGGER, type Logger } from './logging/root-logger.js';
import { RetentionModule } from './retention/retention.module.js';
import { RollupsModule } from './rollups/rollups.module.js';
import { TelemetryModule } from './telemetry/telemetry.module.js';

@Module({})
export class IngestModule {}

/** The root module with config and logger (built at the composition root) provided globally. */
export function ingestModule(config: IngestConfig, logger: Logger): DynamicModule {
  return {
    module: IngestModule,
    global: true,
    imports: [
      DatabaseModule,
      TelemetryModule,
      EventsModule,
      RollupsModule,
      RetentionModule,
      ...(config.iotBridge ? [IotBridgeModule] : []),
      ...(config.alarms.enabled ? [AlarmsModule] : []),
    ],
    providers: [
      { provide: INGEST_CONFIG, useValue: config },
      { provide: LOGGER, useValue: logger },
    ],
    exports: [INGEST_CONFIG, LOGGER],
  };
}
