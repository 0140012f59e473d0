import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../src/db/dataDirLock.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('embedded data directory lock', () => {
  it('refuses a second holder while the first lives, and frees the directory on release', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-lock-')), 'data');
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
    const again = lockDataDir(dir);
    again();
  });

  it('replaces a stale lock left by a dead process', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-lock-')), 'data');
    fs.writeFileSync(`${dir}.lock`, '999999999');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('makes a second `kasane migrate` on an open directory say so clearly and exit', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kasane-lock-')), 'data');
    const release = lockDataDir(dir);
    try {
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(root, 'bin/kasane.mjs'), 'migrate'], {
          env: { ...process.env, KASANE_DATA_DIR: dir, DATABASE_URL: '' },
          cwd: root,
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => {
          stderr += chunk;
        });
        child.on('close', (exitCode) => resolve({ code: exitCode, stderr }));
      });
      expect(code).toBe(3);
      expect(stderr).toContain('already open in process');
      expect(stderr).toContain(String(process.pid));
    } finally {
      release();
    }
  });
});
