/** /data/record.schema.json — JSON Schema of one record, generated from the zod contract (src/schema/record.ts). */
import type { APIRoute } from 'astro';
import { z } from 'zod';
import { record } from '../../schema/record.ts';

export const GET: APIRoute = () => {
  const schema = { ...z.toJSONSchema(record, { io: 'output' }), title: '政府信息公开工作年度报告 record' };
  return new Response(`${JSON.stringify(schema, null, 1)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
