import{bk as i}from"./index-6sxy8btI.js";var e=i("product","*categories,*shipping_profile,-variants");export{e as P};
