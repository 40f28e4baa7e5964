import type { Readable } from 'node:stream';
import {
  BmsStringRepository,
  type EvidenceFileRepository,
  type EvidencePackRepository,
  type EvidencePackRow,
  type ScopeArg,
} from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuthContext } from '../logging/api-request.js';
import type { EvidencePackDto, EvidencePackListDto, EvidenceRequestDto } from './evidence.dto.js';
import { EVIDENCE_RUNNER, FILE_STREAMER, PACK_READER } from './evidence.tokens.js';
import type { EvidenceFileKind } from './evidence-download.js';
import { evidencePackDto } from './evidence-dto.mapper.js';
import type { EvidenceRunner } from './evidence-runner.js';
import { PDF_FILE, ZIP_FILE } from './pack/pack-files.js';

const DAY_MS = 86_400_000;
/** Ten years and a bit: the longest warranty term a pack is likely to be asked for. */
const MAX_PERIOD_DAYS = 3660;
const LIST_LIMIT = 50;

/** A file ready to stream, with what the response says about it. */
export interface EvidenceFile {
  pack: EvidencePackRow;
  stream: Readable;
  sha256: string;
  bytes: number;
}

/**
 * Evidence packs on the request path: request one (queued for the runner), list and read them,
 * stream their files. Every call works in the caller's scope; a pack or string outside it is a
 * 404, the same as a missing one.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @Inject(BmsStringRepository) private readonly strings: BmsStringRepository,
    @Inject(PACK_READER) private readonly packs: EvidencePackRepository,
    @Inject(FILE_STREAMER) private readonly files: EvidenceFileRepository,
    @Inject(EVIDENCE_RUNNER) private readonly runner: Pick<EvidenceRunner, 'kick'>,
  ) {}

  async request(auth: AuthContext, stringId: string, body: EvidenceRequestDto): Promise<EvidencePackDto> {
    const from = new Date(body.from);
    const to = new Date(body.to);
    if (from >= to || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      throw new AppError(
        'VALIDATION_FAILED',
        `from must be before to, at most ${MAX_PERIOD_DAYS} days apart`,
      );
    }
    const pack = await this.packs.create(auth.scope, {
      stringId,
      periodFrom: from,
      periodTo: to,
      requestedBy: auth.userId,
    });
    if (!pack) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    this.runner.kick();
    return evidencePackDto(pack);
  }

  async list(scope: ScopeArg, stringId: string): Promise<EvidencePackListDto> {
    if (!(await this.strings.findDetail(scope, stringId))) {
      throw new AppError('NOT_FOUND', `string ${stringId} not found`);
    }
    const rows = await this.packs.listForString(scope, stringId, LIST_LIMIT);
    return { items: rows.map(evidencePackDto) };
  }

  async get(scope: ScopeArg, id: string): Promise<EvidencePackDto> {
    return evidencePackDto(await this.visible(scope, id));
  }

  /** The PDF or ZIP of a ready pack; 409 while it is still being made (or failed). */
  async file(scope: ScopeArg, id: string, kind: EvidenceFileKind): Promise<EvidenceFile> {
    const pack = await this.visible(scope, id);
    const sha256 = kind === 'pdf' ? pack.pdfSha256 : pack.zipSha256;
    const bytes = kind === 'pdf' ? pack.pdfBytes : pack.zipBytes;
    if (pack.status !== 'ready' || sha256 === null || bytes === null) {
      throw new AppError('CONFLICT', `evidence pack ${id} is ${pack.status}, not ready`);
    }
    return { pack, stream: this.files.reader(pack.id, kind === 'pdf' ? PDF_FILE : ZIP_FILE), sha256, bytes };
  }

  private async visible(scope: ScopeArg, id: string) {
    const pack = await this.packs.find(scope, id);
    if (!pack) {
      throw new AppError('NOT_FOUND', `evidence pack ${id} not found`);
    }
    return pack;
  }
}
