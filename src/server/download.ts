import type { FastifyReply } from 'fastify';
import { attachment, type RenderedDocument } from './documents.ts';

/**
 * Answer with a file to save: its content type, and its (Japanese) name in Content-Disposition.
 * Through an operation's held reply, the file is sent only once the request has committed.
 */
export function sendDownload(reply: FastifyReply, file: RenderedDocument): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', attachment(file.fileName))
    .send(file.body);
}
