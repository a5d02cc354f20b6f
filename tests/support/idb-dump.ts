/**
 * A database as plain JSON: its version, and each object store's definition and rows. Lets a test
 * rebuild, in fake-indexeddb, exactly what an earlier release left on a user's disk.
 */
export interface DatabaseDump {
  name: string;
  version: number;
  stores: StoreDump[];
}

export interface StoreDump {
  name: string;
  keyPath: string | null;
  autoIncrement: boolean;
  /** `key` is given only for stores with out-of-line keys. */
  rows: Array<{ key?: IDBValidKey; value: unknown }>;
}

function done(request: IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openRaw(factory: IDBFactory, name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const request = factory.open(name, version);
  if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
  return done(request) as Promise<IDBDatabase>;
}

export async function dumpDatabase(factory: IDBFactory, name: string): Promise<DatabaseDump> {
  const db = await openRaw(factory, name);
  const stores: StoreDump[] = [];
  for (const storeName of [...db.objectStoreNames].sort()) {
    const store = db.transaction(storeName, 'readonly').objectStore(storeName);
    const keyPath = typeof store.keyPath === 'string' ? store.keyPath : null;
    const [keys, values] = (await Promise.all([done(store.getAllKeys()), done(store.getAll())])) as [IDBValidKey[], unknown[]];
    stores.push({
      name: storeName,
      keyPath,
      autoIncrement: store.autoIncrement,
      rows: values.map((value, index) => (keyPath === null ? { key: keys[index]!, value } : { value })),
    });
  }
  const dump = { name, version: db.version, stores };
  db.close();
  return dump;
}

/** Recreates a dumped database at its own version, so the code under test runs its upgrade from there. */
export async function loadDatabase(factory: IDBFactory, dump: DatabaseDump): Promise<void> {
  const db = await openRaw(factory, dump.name, dump.version, (created) => {
    for (const store of dump.stores) {
      created.createObjectStore(store.name, { keyPath: store.keyPath ?? undefined, autoIncrement: store.autoIncrement });
    }
  });
  const names = dump.stores.map((store) => store.name);
  if (names.length > 0) {
    const tx = db.transaction(names, 'readwrite');
    for (const store of dump.stores) {
      for (const row of store.rows) tx.objectStore(store.name).put(row.value, row.key);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  }
  db.close();
}
