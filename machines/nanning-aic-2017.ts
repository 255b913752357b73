/** 南宁市工商局突发事件舆情应对预案: the machine and its rules live in ./nanning-aic-2017/. */
export { machine, plan } from './nanning-aic-2017/index.js'
