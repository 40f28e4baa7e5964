import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'fleet:isPublic';

/** Marks a route the global AuthGuard lets through without a token (health, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
