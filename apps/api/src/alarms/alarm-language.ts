// The language of the alarm texts a reader gets: `Accept-Language` picks German or English
// (default English), the answer says which (`Content-Language`) and that it depends on the header
// (`Vary`), so no cache hands a German body to an English reader. The ETag hashes the body, so the
// two languages never share a tag either.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AlarmLanguage, alarmTitleIn, DEFAULT_ALARM_LANGUAGE, isAlarmLanguage } from '@fleet/alarms';
import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { type Observable, tap } from 'rxjs';

/** `de-AT,de;q=0.9,en;q=0.8` → the catalogue language with the highest weight; English if none fits. */
export function negotiateAlarmLanguage(header: string | undefined): AlarmLanguage {
  if (!header) {
    return DEFAULT_ALARM_LANGUAGE;
  }
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => Number.isFinite(entry.weight) && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isAlarmLanguage) ?? DEFAULT_ALARM_LANGUAGE;
}

function languageOf(req: IncomingMessage): AlarmLanguage {
  const header = req.headers['accept-language'];
  return negotiateAlarmLanguage(Array.isArray(header) ? header.join(',') : header);
}

/** The caller's alarm-text language, negotiated from `Accept-Language`. */
export const RequestLanguage = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AlarmLanguage => languageOf(ctx.switchToHttp().getRequest()),
);

/** Adds `Vary: Accept-Language` to every answer and `Content-Language` to a successful one. */
class ContentLanguageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const lang = languageOf(http.getRequest<IncomingMessage>());
    const res = http.getResponse<ServerResponse>();
    const vary = String(res.getHeader('Vary') ?? '');
    if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(vary)) {
      res.setHeader('Vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
    }
    return next.handle().pipe(
      tap(() => {
        if (!res.headersSent) {
          res.setHeader('Content-Language', lang);
        }
      }),
    );
  }
}

/**
 * A route whose alarm texts (titles, catalogue explanations) follow `Accept-Language`; `what` names
 * the texts in the OpenAPI header's description when they are others (e.g. findings' explanations).
 */
export const LocalizedAlarmTexts = (what = 'alarm titles and catalogue texts'): MethodDecorator =>
  applyDecorators(
    UseInterceptors(new ContentLanguageInterceptor()),
    ApiHeader({
      name: 'Accept-Language',
      required: false,
      description: `Language of ${what}: de or en (default en), negotiated by weight. The answer carries Content-Language and Vary: Accept-Language.`,
      schema: { type: 'string', example: 'de-DE,de;q=0.9,en;q=0.8' },
    }),
  );

/**
 * The alarm with its title in `lang`. The stored title is the English one ingest wrote; another
 * language comes from the code (catalogue entry or derived rule), the stored title when the code
 * is unknown to this build.
 */
export function withLocalizedTitle<T extends { code: string; title: string }>(
  alarm: T,
  lang: AlarmLanguage,
): T {
  return lang === 'en' ? alarm : { ...alarm, title: alarmTitleIn(alarm.code, lang) ?? alarm.title };
}
