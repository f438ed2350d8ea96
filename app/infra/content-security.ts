import { createContext, useContext } from "react";

// The nonce of this render's Content-Security-Policy (entry.server.tsx), which React Router's
// inline scripts carry. In the browser there is none to give: the scripts are already there.
export const ScriptNonce = createContext<string | undefined>(undefined);
export const useScriptNonce = () => useContext(ScriptNonce);
